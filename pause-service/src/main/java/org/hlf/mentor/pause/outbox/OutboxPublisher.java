package org.hlf.mentor.pause.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hlf.mentor.pause.config.PauseConfig;

/**
 * Sends outbox rows to Kafka (acks=all, idempotent producer), with the mentor id as key and CloudEvents headers.
 * Each {@link Lane} has its own channel and so its own producer.
 */
@ApplicationScoped
public class OutboxPublisher implements RowPublisher {

    private final MutinyEmitter<String> regular;
    private final MutinyEmitter<String> quarantine;
    private final String source;

    public OutboxPublisher(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> regular,
            @Channel("outbox-quarantine") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> quarantine,
            PauseConfig config) {
        this.regular = regular;
        this.quarantine = quarantine;
        this.source = config.outbox().eventSource();
    }

    @Override
    public Uni<Void> publish(PendingRow row, Lane lane) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.eventId().toString());
        header(headers, "ce_type", row.eventType());
        header(headers, "ce_source", source);
        header(headers, "ce_time", row.createdAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(headers, "content-type", "application/json");
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.mentorId().toString())
                .withHeaders(headers)
                .build();
        MutinyEmitter<String> emitter = lane == Lane.REGULAR ? regular : quarantine;
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
