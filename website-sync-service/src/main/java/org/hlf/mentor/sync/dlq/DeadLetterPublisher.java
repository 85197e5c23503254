package org.hlf.mentor.sync.dlq;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;

/**
 * Writes dead letters to {@code website-sync-dlq}: the original key and payload, the reason in headers. The
 * answer completes when the broker has the record, so the source offset is committed only after that.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private final MutinyEmitter<String> emitter;

    public DeadLetterPublisher(@Channel("website-sync-dlq") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(letters).onItem().transformToUni(this::publish).merge(64)
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> publish(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.REASON, letter.reason());
        header(headers, DeadLetterHeaders.CAUSE, letter.cause());
        header(headers, DeadLetterHeaders.EXCEPTION_CLASS_NAME, letter.exceptionClass());
        header(headers, DeadLetterHeaders.SOURCE_TOPIC, letter.topic());
        header(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(letter.partition()));
        header(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(letter.offset()));
        header(headers, DeadLetterHeaders.ATTEMPTS, String.valueOf(letter.attempts()));
        header(headers, DeadLetterHeaders.FIRST_FAILURE,
                (letter.firstFailure() == null ? Instant.now() : letter.firstFailure()).toString());
        header(headers, DeadLetterHeaders.HTTP_STATUS, String.valueOf(letter.httpStatus()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(letter.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(letter.payload()).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
