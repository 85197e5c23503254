package org.hlf.mentor.pause.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one round's rows: the sequences (one per mentor and topic) in parallel, the rows of a sequence one after
 * another, each only after the broker acknowledged the one before. A row that fails ends its sequence for this round
 * (the rows behind it must not overtake it); a row not acknowledged by the round's deadline counts as failed.
 * <p>
 * A topic this lane's producer has not written since it started or since a send to it failed gets one row first: a
 * send to a topic the broker does not know holds the producer's only sending thread for {@code max.block.ms}, and
 * a round with hundreds of such rows would hold it for longer than the round. When that first row fails, the first
 * rows of the topic's other sequences fail with it, unsent, and back off like it.
 */
@ApplicationScoped
class RoundSender {

    private final RowPublisher publisher;
    /** Per lane, the topics its producer wrote to and has not failed on since. */
    private final Map<Lane, Set<String>> written = new EnumMap<>(Lane.class);

    RoundSender(RowPublisher publisher) {
        this.publisher = publisher;
        for (Lane lane : Lane.values()) {
            written.put(lane, ConcurrentHashMap.newKeySet());
        }
    }

    Uni<RoundResult> send(List<List<PendingRow>> sequences, Lane lane, Instant deadline) {
        Map<String, List<List<PendingRow>>> byTopic = new LinkedHashMap<>();
        for (List<PendingRow> sequence : sequences) {
            byTopic.computeIfAbsent(sequence.get(0).topic(), topic -> new ArrayList<>()).add(sequence);
        }
        List<Uni<RoundResult>> topics = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, ofTopic) -> topics.add(written.get(lane).contains(topic)
                ? all(ofTopic, lane, deadline)
                : probeFirst(ofTopic, lane, deadline)));
        return join(topics);
    }

    private Uni<RoundResult> probeFirst(List<List<PendingRow>> sequences, Lane lane, Instant deadline) {
        List<PendingRow> first = sequences.get(0);
        return sendInOrder(first.subList(0, 1), 0, lane, deadline, new ArrayList<>()).flatMap(probe -> {
            if (!probe.failed().isEmpty()) {
                SendFailure failure = probe.failed().get(0);
                List<SendFailure> failed = new ArrayList<>(sequences.size());
                failed.add(failure);
                for (List<PendingRow> other : sequences.subList(1, sequences.size())) {
                    failed.add(SendFailure.behind(other.get(0), failure));
                }
                return Uni.createFrom().item(new RoundResult(List.of(), failed));
            }
            if (probe.acknowledged().isEmpty()) {
                // the deadline came before the probe was sent: nothing of the topic goes in this round
                return Uni.createFrom().item(RoundResult.NOTHING);
            }
            List<Uni<RoundResult>> rest = new ArrayList<>(sequences.size());
            rest.add(sendInOrder(first, 1, lane, deadline, new ArrayList<>(probe.acknowledged())));
            for (List<PendingRow> other : sequences.subList(1, sequences.size())) {
                rest.add(sendInOrder(other, 0, lane, deadline, new ArrayList<>()));
            }
            return join(rest);
        });
    }

    private Uni<RoundResult> all(List<List<PendingRow>> sequences, Lane lane, Instant deadline) {
        List<Uni<RoundResult>> all = new ArrayList<>(sequences.size());
        for (List<PendingRow> sequence : sequences) {
            all.add(sendInOrder(sequence, 0, lane, deadline, new ArrayList<>()));
        }
        return join(all);
    }

    private Uni<RoundResult> sendInOrder(List<PendingRow> rows, int next, Lane lane, Instant deadline,
            List<PendingRow> acknowledged) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (next == rows.size() || left.isNegative() || left.isZero()) {
            // what is left of the sequence was not sent: it goes in a later round, without counting as failed
            return Uni.createFrom().item(new RoundResult(acknowledged, List.of()));
        }
        PendingRow row = rows.get(next);
        return publisher.publish(row, lane)
                .ifNoItem().after(left).failWith(() -> new RoundDeadlineExceeded(row, deadline))
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure != null) {
                        written.get(lane).remove(row.topic());
                        return Uni.createFrom().item(
                                new RoundResult(acknowledged, List.of(SendFailure.of(row, failure))));
                    }
                    written.get(lane).add(row.topic());
                    acknowledged.add(row);
                    return sendInOrder(rows, next + 1, lane, deadline, acknowledged);
                });
    }

    /** Never fails: a failed send is part of a result. */
    private static Uni<RoundResult> join(List<Uni<RoundResult>> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().item(RoundResult.NOTHING);
        }
        return Uni.join().all(results).andFailFast().map(RoundResult::merge);
    }

    /** The broker had not acknowledged a row when the round had to end. */
    static final class RoundDeadlineExceeded extends RuntimeException {

        RoundDeadlineExceeded(PendingRow row, Instant deadline) {
            super("not acknowledged by the end of the relay round (" + deadline + ") for topic " + row.topic(),
                    null, false, false);
        }
    }
}
