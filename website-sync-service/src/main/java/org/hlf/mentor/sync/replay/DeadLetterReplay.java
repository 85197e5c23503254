package org.hlf.mentor.sync.replay;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.consumer.EventSync;
import org.hlf.mentor.sync.consumer.InboundRecord;
import org.hlf.mentor.sync.dlq.DeadLetterFilter;
import org.hlf.mentor.sync.dlq.DeadLetterHeaders;
import org.hlf.mentor.sync.dlq.DeadLetterReader;

/**
 * Replays dead letters through the same pipeline as live events, so the version check applies: an old dead letter
 * can never undo a newer change (a paused mentor never reappears). A letter that fails again is dead-lettered anew,
 * keeping its original source coordinates.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private final DeadLetterReader reader;
    private final EventSync pipeline;
    private final SyncConfig config;

    public DeadLetterReplay(DeadLetterReader reader, EventSync pipeline, SyncConfig config) {
        this.reader = reader;
        this.pipeline = pipeline;
        this.config = config;
    }

    public Uni<ReplayReport> replay(DeadLetterFilter filter) {
        return reader.read(filter, config.dlq().maxReplay()).onItem().transformToUni(letters -> {
            List<InboundRecord> records = letters.stream().map(DeadLetterReplay::original).toList();
            return pipeline.process(records, Source.REPLAY).map(report -> new ReplayReport(letters.size(),
                    report.applied(), report.skipped(), report.failed() + report.poison()));
        });
    }

    private static InboundRecord original(ConsumerRecord<String, String> letter) {
        Map<String, String> h = DeadLetterReader.headers(letter);
        String topic = h.getOrDefault(DeadLetterHeaders.SOURCE_TOPIC, letter.topic());
        int partition = parse(h.get(DeadLetterHeaders.SOURCE_PARTITION), letter.partition());
        long offset = parse(h.get(DeadLetterHeaders.SOURCE_OFFSET), letter.offset());
        return new InboundRecord(topic, partition, offset, letter.key(), letter.value(),
                Instant.ofEpochMilli(letter.timestamp()));
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
