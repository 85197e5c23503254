package org.hlf.mentor.sync.sync;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.sync.alert.FailureAlerts;
import org.hlf.mentor.sync.audit.SyncLog;
import org.hlf.mentor.sync.audit.SyncLogEntry;
import org.hlf.mentor.sync.audit.SyncLogEntry.Action;
import org.hlf.mentor.sync.audit.SyncLogEntry.Outcome;
import org.hlf.mentor.sync.dlq.DeadLetter;
import org.hlf.mentor.sync.dlq.DeadLetterPublisher;
import org.hlf.mentor.sync.portal.PortalClient;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.portal.VisibilityChange;
import org.jboss.logging.Logger;

/**
 * From records to portal writes, for the consumer and for dead-letter replay alike: unreadable records to the
 * dead-letter topic, newest event per mentor, version check, portal write, state, audit, dead letters for failures.
 * The answer completes only when all of that is stored, so the caller may then commit the offsets.
 */
@ApplicationScoped
public class SyncPipeline {

    private static final Logger LOG = Logger.getLogger(SyncPipeline.class);

    private final SyncStateRepository states;
    private final PortalWriter writer;
    private final SyncLog log;
    private final DeadLetterPublisher deadLetters;
    private final SyncMetrics metrics;
    private final FailureAlerts alerts;

    public SyncPipeline(SyncStateRepository states, PortalWriter writer, SyncLog log, DeadLetterPublisher deadLetters,
            SyncMetrics metrics, FailureAlerts alerts) {
        this.states = states;
        this.writer = writer;
        this.log = log;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    public Uni<SyncReport> process(List<InboundRecord> records, Source source) {
        List<SyncEvent> events = new ArrayList<>(records.size());
        List<DeadLetter> letters = new ArrayList<>();
        List<SyncLogEntry> entries = new ArrayList<>();
        for (InboundRecord record : records) {
            StringBuilder problem = new StringBuilder();
            Optional<MentorStatusChanged> event = EventParser.parse(record.payload(), problem);
            if (event.isPresent()) {
                events.add(new SyncEvent(record, event.get()));
            } else {
                LOG.warnf("poison record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), problem);
                letters.add(new DeadLetter(record, "poison", problem.toString(), "com.fasterxml.jackson.core.JacksonException",
                        0, null, 0));
                entries.add(SyncLogEntry.of(uuidOrNull(record.key()), Action.POISON, Outcome.DEAD_LETTERED,
                        problem.toString(), 0, null, null, source.name(), null, 0));
                metrics.deadLettered("poison");
            }
        }
        Coalescer.Result coalesced = Coalescer.coalesce(events);
        for (SyncEvent old : coalesced.superseded()) {
            entries.add(skip(old, Outcome.SUPERSEDED, "superseded in the same batch", source));
        }
        List<MentorStatusChanged> latest = coalesced.latest().stream().map(SyncEvent::event).toList();
        return states.claim(latest).onItem().transformToUni(claimed -> {
            List<SyncEvent> toApply = new ArrayList<>();
            for (SyncEvent candidate : coalesced.latest()) {
                if (claimed.contains(candidate.event().mentorId())) {
                    toApply.add(candidate);
                } else {
                    LOG.infof("skipped event %s of mentor %s: version %d is not newer than the last applied one",
                            candidate.event().eventId(), candidate.event().mentorId(), candidate.event().version());
                    entries.add(skip(candidate, Outcome.SKIPPED_STALE, "version " + candidate.event().version()
                            + " is not newer than the last applied version", source));
                }
            }
            int skipped = coalesced.superseded().size() + coalesced.latest().size() - toApply.size();
            for (int i = 0; i < skipped; i++) {
                metrics.synced("skipped");
            }
            return writer.write(toApply.stream().map(SyncEvent::change).toList())
                    .onItem().transformToUni(results -> settle(toApply, results, source, entries, letters, skipped));
        });
    }

    private Uni<SyncReport> settle(List<SyncEvent> applied, List<Applied> results, Source source,
            List<SyncLogEntry> entries, List<DeadLetter> letters, int skipped) {
        Map<UUID, SyncEvent> byMentor = new HashMap<>();
        applied.forEach(e -> byMentor.put(e.event().mentorId(), e));
        List<Applied> succeeded = new ArrayList<>();
        List<Applied> failed = new ArrayList<>();
        for (Applied result : results) {
            SyncEvent event = byMentor.get(result.change().mentorId());
            metrics.retried(result.attempts() - 1);
            Action action = SyncLogEntry.actionFor(result.change().visible());
            if (result.succeeded()) {
                succeeded.add(result);
                metrics.synced("applied");
                alerts.success();
                entries.add(SyncLogEntry.of(event.event().mentorId(), action, Outcome.APPLIED, null, result.attempts(),
                        event.event().eventId(), event.event().version(), source.name(), null, result.durationMs()));
            } else {
                failed.add(result);
                String detail = PortalClient.describe(result.failure());
                String reason = PortalClient.transientFailure(result.failure()) ? "exhausted" : "rejected";
                LOG.warnf("sync of mentor %s (event %s, version %d) failed after %d attempt(s), dead-lettered: %s",
                        event.event().mentorId(), event.event().eventId(), event.event().version(), result.attempts(),
                        detail);
                metrics.failed();
                metrics.deadLettered(reason);
                alerts.failure(event.event().mentorId(), detail);
                entries.add(SyncLogEntry.of(event.event().mentorId(), action, Outcome.DEAD_LETTERED, detail,
                        result.attempts(), event.event().eventId(), event.event().version(), source.name(), null,
                        result.durationMs()));
                letters.add(new DeadLetter(event.record(), reason, detail, result.failure().getClass().getName(),
                        result.attempts(), result.firstFailure(),
                        result.failure() instanceof PortalException p ? p.status() : 0));
            }
        }
        int poison = (int) entries.stream().filter(e -> e.action() == Action.POISON).count();
        SyncReport report = new SyncReport(succeeded.size(), skipped, failed.size(), poison);
        return states.synced(succeeded)
                .chain(() -> states.failed(failed))
                .chain(() -> deadLetters.publish(letters))
                .chain(() -> log.write(entries))
                .replaceWith(report);
    }

    private static SyncLogEntry skip(SyncEvent event, Outcome outcome, String detail, Source source) {
        return SyncLogEntry.of(event.event().mentorId(), Action.SKIP, outcome, detail, 0, event.event().eventId(),
                event.event().version(), source.name(), null, 0);
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** For callers outside an event (API, reconcile): the visibility change of a known state. */
    public static VisibilityChange changeOf(SyncState state) {
        return new VisibilityChange(state.mentorId(), state.desiredVisible());
    }
}
