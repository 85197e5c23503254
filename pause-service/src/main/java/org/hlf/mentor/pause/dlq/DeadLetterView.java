package org.hlf.mentor.pause.dlq;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.hlf.mentor.support.dlq.HeaderValues;

/**
 * A dead letter as ops see it: where it sits, why it is there, where it came from, the original record, and what a
 * replay did with it ({@code replay}: REPLAYED, SKIPPED, FAILED, or null when no replay has dealt with it yet).
 */
public record DeadLetterView(int partition, long offset, Instant deadLetteredAt, String mentorId, String reason,
        String exceptionClass, String sourceTopic, Integer sourcePartition, Long sourceOffset, String payload,
        ReplayedLetters.Outcome replay) {

    static DeadLetterView of(ConsumerRecord<String, String> letter, ReplayedLetters.Outcome replay) {
        HeaderValues h = HeaderValues.of(letter.headers());
        return new DeadLetterView(letter.partition(), letter.offset(), Instant.ofEpochMilli(letter.timestamp()),
                letter.key(), h.text(DeadLetterHeaders.REASON), h.text(DeadLetterHeaders.EXCEPTION_CLASS_NAME),
                h.text(DeadLetterHeaders.SOURCE_TOPIC), h.integer(DeadLetterHeaders.SOURCE_PARTITION),
                h.longValue(DeadLetterHeaders.SOURCE_OFFSET), letter.value(), replay);
    }
}
