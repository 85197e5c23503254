package org.hlf.mentor.sync.replay;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.hlf.mentor.support.dlq.HeaderValues;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.consumer.EventSync;
import org.hlf.mentor.sync.consumer.InboundRecord;
import org.hlf.mentor.sync.consumer.RecordOutcome;
import org.hlf.mentor.sync.dlq.DeadLetterFilter;
import org.hlf.mentor.sync.dlq.DeadLetterReader;
import org.hlf.mentor.sync.dlq.DlqCursor;

/**
 * Replays dead letters through the same pipeline as live events, so the version check applies: an old dead letter
 * can never undo a newer change (a paused mentor never reappears). A page at a time; each letter's outcome is
 * marked, so a settled letter (replayed, or skipped as stale) is never replayed twice, and a letter that fails again
 * is reported and marked, not dead-lettered anew.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private final DeadLetterReader reader;
    private final EventSync pipeline;
    private final ReplayMarks marks;

    public DeadLetterReplay(DeadLetterReader reader, EventSync pipeline, ReplayMarks marks) {
        this.reader = reader;
        this.pipeline = pipeline;
        this.marks = marks;
    }

    public Uni<ReplayReport> replay(DeadLetterFilter filter, int limit, DlqCursor cursor) {
        return reader.read(filter, limit, cursor).chain(page -> {
            Map<ReplayMarks.Place, ConsumerRecord<String, String>> byPlace = new LinkedHashMap<>();
            page.letters().forEach(l -> byPlace.put(new ReplayMarks.Place(l.partition(), l.offset()), l));
            return marks.outcomes(page.topicId(), List.copyOf(byPlace.keySet())).chain(known -> {
                Map<InboundRecord, ReplayMarks.Place> due = new LinkedHashMap<>();
                byPlace.forEach((place, letter) -> {
                    String outcome = known.get(place);
                    if (outcome == null || outcome.equals("FAILED")) {
                        due.put(original(letter), place);
                    }
                });
                int already = byPlace.size() - due.size();
                return pipeline.process(List.copyOf(due.keySet()), Source.REPLAY)
                        .chain(report -> marks.mark(page.topicId(), marks(due, report.outcomes())).replaceWith(report))
                        .map(report -> new ReplayReport(byPlace.size(), count(report.outcomes(), RecordOutcome.APPLIED),
                                count(report.outcomes(), RecordOutcome.SKIPPED),
                                count(report.outcomes(), RecordOutcome.FAILED)
                                        + count(report.outcomes(), RecordOutcome.POISON),
                                already, page.remaining(), page.next() == null ? null : page.next().encode()));
            });
        });
    }

    private static List<ReplayMarks.Mark> marks(Map<InboundRecord, ReplayMarks.Place> due,
            Map<InboundRecord, RecordOutcome> outcomes) {
        List<ReplayMarks.Mark> result = new ArrayList<>(due.size());
        due.forEach((record, place) -> {
            RecordOutcome outcome = outcomes.getOrDefault(record, RecordOutcome.FAILED);
            String mark = switch (outcome) {
                case APPLIED -> "REPLAYED";
                case SKIPPED -> "SKIPPED_STALE";
                case FAILED, POISON -> "FAILED";
            };
            result.add(new ReplayMarks.Mark(place, uuidOrNull(record.key()), mark,
                    outcome == RecordOutcome.POISON ? "unreadable" : null));
        });
        return result;
    }

    private static int count(Map<InboundRecord, RecordOutcome> outcomes, RecordOutcome wanted) {
        return (int) outcomes.values().stream().filter(o -> o == wanted).count();
    }

    private static InboundRecord original(ConsumerRecord<String, String> letter) {
        HeaderValues h = HeaderValues.of(letter.headers());
        String topic = Objects.requireNonNullElse(h.text(DeadLetterHeaders.SOURCE_TOPIC), letter.topic());
        int partition = Objects.requireNonNullElse(h.integer(DeadLetterHeaders.SOURCE_PARTITION), letter.partition());
        long offset = Objects.requireNonNullElse(h.longValue(DeadLetterHeaders.SOURCE_OFFSET), letter.offset());
        return new InboundRecord(topic, partition, offset, letter.key(), letter.value(),
                Instant.ofEpochMilli(letter.timestamp()));
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
