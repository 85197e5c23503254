package org.hlf.mentor.pause.certification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;

/**
 * Parks a certification record that will never apply on certification-events-dlq, with why and where from (the
 * system's {@link DeadLetterHeaders}); ops list and replay them through {@code /api/v1/admin/certification-dlq}.
 */
@Startup // its counter exists (at 0) from the start, so the first dead letter is an increase
@ApplicationScoped
public class CertificationDeadLetters {

    private final MutinyEmitter<String> emitter;
    /** {@code hlf_certification_dead_letters_total}. */
    private final Counter sent;

    public CertificationDeadLetters(@Channel("certification-dlq") MutinyEmitter<String> emitter,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.sent = Counter.builder("hlf.certification.dead.letters")
                .description("Records parked on certification-events-dlq").register(registry);
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
                .withTopic(Topics.CERTIFICATION_EVENTS_DLQ)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(record.value()).addMetadata(metadata)).invoke(() -> sent.increment());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
