package org.hlf.mentor.sync.consumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hlf.mentor.sync.audit.Source;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code mentor-status-changed} a poll at a time (so bulk changes coalesce and go out as {@code $batch}), and
 * acknowledges the poll once every record is applied, skipped or dead-lettered: at-least-once.
 */
@ApplicationScoped
public class MentorStatusConsumer {

    private final EventSync sync;

    public MentorStatusConsumer(EventSync sync) {
        this.sync = sync;
    }

    @Incoming("mentor-status-changed")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<InboundRecord> inbound = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            inbound.add(new InboundRecord(record.topic(), record.partition(), record.offset(), record.key(),
                    record.value(), Instant.ofEpochMilli(record.timestamp())));
        }
        return sync.process(inbound, Source.EVENT).replaceWithVoid();
    }
}
