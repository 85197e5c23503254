package org.hlf.mentor.pause.dlq;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.events.CertificationEvent;
import org.hlf.mentor.pause.certification.CertificationEventReader;
import org.hlf.mentor.pause.certification.CertificationHandler;
import org.hlf.mentor.pause.certification.InvalidCertificationEvent;
import org.hlf.mentor.pause.inbox.ConsumerRetry;
import org.hlf.mentor.pause.inbox.FailureClassifier;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.logging.Logger;

/**
 * Replays certification dead letters through the consumer's own handler, one at a time in (partition, offset) order,
 * so one mentor's letters apply in their order. The processed-event table makes an event that was applied meanwhile
 * a no-op, and the replay table (written in the transaction of the effect) keeps "replay all" from applying a letter
 * twice. A letter that fails again is reported, never dead-lettered again; a failure that may pass (the database)
 * ends the call, so no later letter of that mentor overtakes it.
 */
@ApplicationScoped
public class CertificationDlqReplay {

    private static final Logger LOG = Logger.getLogger(CertificationDlqReplay.class);

    private final CertificationDlqReader reader;
    private final ReplayedLetters replayed;
    private final CertificationEventReader events;
    private final CertificationHandler handler;
    private final ConsumerRetry retry;
    private final Clock clock;
    private final int maxReplay;

    public CertificationDlqReplay(CertificationDlqReader reader, ReplayedLetters replayed,
            CertificationEventReader events, CertificationHandler handler, Clock clock,
            PauseConfig config) {
        this.reader = reader;
        this.replayed = replayed;
        this.events = events;
        this.handler = handler;
        this.retry = new ConsumerRetry(config.certification().retry());
        this.clock = clock;
        this.maxReplay = config.certification().dlq().maxReplay();
    }

    /** @param by who asked (the audit of the replay table) */
    public Uni<ReplayReport> replay(DeadLetterFilter filter, String by) {
        return reader.read(filter, null).flatMap(found -> replayed.of(found.topicId()).flatMap(done -> {
            List<ConsumerRecord<String, String>> todo = found.letters().stream()
                    .filter(letter -> !done.containsKey(DeadLetters.position(letter))).toList();
            List<ConsumerRecord<String, String>> now = todo.subList(0, Math.min(maxReplay, todo.size()));
            AtomicBoolean stopped = new AtomicBoolean();
            return Multi.createFrom().iterable(now)
                    .onItem().transformToUniAndConcatenate(letter -> {
                        if (stopped.get()) {
                            return Uni.createFrom().item(Result.NOT_TRIED);
                        }
                        return apply(found.topicId(), letter, by).invoke(result -> {
                            if (result.stops()) {
                                stopped.set(true);
                            }
                        }).map(result -> result.of(letter));
                    })
                    .collect().asList()
                    .map(results -> report(found.letters().size(), found.letters().size() - todo.size(),
                            todo.size() - now.size(), results));
        }));
    }

    private Uni<Result> apply(String topicId, ConsumerRecord<String, String> letter, String by) {
        LetterPosition position = DeadLetters.position(letter);
        CertificationEvent event;
        try {
            event = events.read(letter.value());
        } catch (InvalidCertificationEvent e) {
            // the payload cannot change: recorded, so "replay all" does not report it again and again
            return Panache.withTransaction(() -> replayed.record(topicId, position, null,
                    ReplayedLetters.Outcome.FAILED, e.getMessage(), by, clock.instant()))
                    .replaceWith(Result.failed(e.getMessage(), false, false));
        }
        return retry.retried("replay of dead letter " + position, () -> Panache.withTransaction(
                () -> handler.handle(event).call(applied -> replayed.record(topicId, position, event.eventId(),
                        applied ? ReplayedLetters.Outcome.REPLAYED : ReplayedLetters.Outcome.SKIPPED, null, by,
                        clock.instant()))))
                .map(applied -> applied ? Result.REPLAYED : Result.SKIPPED)
                .onFailure().recoverWithItem(failure -> {
                    if (FailureClassifier.permanent(failure)) {
                        // e.g. the mentor is still unknown: not recorded, a later replay tries again
                        return Result.failed(FailureClassifier.reason(failure, event.mentorId()), true, false);
                    }
                    LOG.warnf(failure, "replay of dead letter %s failed; the call stops there", position);
                    return Result.failed("not applied, try again: " + failure.getMessage(), true, true);
                });
    }

    private static ReplayReport report(int matched, int doneBefore, int overLimit, List<Result> results) {
        int replayedNow = 0;
        int skipped = doneBefore;
        int failed = 0;
        int remaining = overLimit;
        List<ReplayReport.Failure> failures = new ArrayList<>();
        for (Result result : results) {
            switch (result.kind()) {
                case REPLAYED -> replayedNow++;
                case SKIPPED -> skipped++;
                case NOT_TRIED -> remaining++;
                case FAILED -> {
                    failed++;
                    failures.add(new ReplayReport.Failure(result.position().partition(), result.position().offset(),
                            result.mentorId(), result.reason()));
                    if (result.mayPass()) {
                        remaining++;
                    }
                }
                default -> throw new IllegalStateException(result.kind().name());
            }
        }
        return new ReplayReport(matched, replayedNow, skipped, failed, remaining, failures);
    }

    /** What happened to one letter in this call; {@code mayPass}: a later replay may succeed. */
    private record Result(Kind kind, String reason, boolean mayPass, boolean stops, LetterPosition position,
            String mentorId) {

        enum Kind { REPLAYED, SKIPPED, FAILED, NOT_TRIED }

        static final Result REPLAYED = new Result(Kind.REPLAYED, null, false, false, null, null);
        static final Result SKIPPED = new Result(Kind.SKIPPED, null, false, false, null, null);
        static final Result NOT_TRIED = new Result(Kind.NOT_TRIED, null, false, false, null, null);

        static Result failed(String reason, boolean mayPass, boolean stops) {
            return new Result(Kind.FAILED, reason, mayPass, stops, null, null);
        }

        Result of(ConsumerRecord<String, String> letter) {
            return new Result(kind, reason, mayPass, stops, DeadLetters.position(letter), letter.key());
        }
    }
}
