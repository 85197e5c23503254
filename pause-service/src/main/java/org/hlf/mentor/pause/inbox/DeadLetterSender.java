package org.hlf.mentor.pause.inbox;

import io.micrometer.core.instrument.Counter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;

/**
 * Parks a consumed record that will never apply on a dead-letter topic: its value, key and headers as they came,
 * plus why and where from (the system's {@link DeadLetterHeaders}).
 */
public final class DeadLetterSender {

    private final MutinyEmitter<String> emitter;
    private final String topic;
    private final Counter sent;

    public DeadLetterSender(MutinyEmitter<String> emitter, String topic, Counter sent) {
        this.emitter = emitter;
        this.topic = topic;
        this.sent = sent;
    }

    /** Completes when the broker has the dead letter; the original offset may be committed only then. */
    public Uni<Void> send(ConsumerRecord<String, String> record, String reason, Throwable failure) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        header(headers, DeadLetterHeaders.REASON, reason);
        header(headers, DeadLetterHeaders.EXCEPTION_CLASS_NAME,
                failure == null ? "none" : failure.getClass().getName());
        header(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        header(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(record.partition()));
        header(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(record.offset()));
        header(headers, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(record.value()).addMetadata(metadata)).invoke(() -> sent.increment());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
