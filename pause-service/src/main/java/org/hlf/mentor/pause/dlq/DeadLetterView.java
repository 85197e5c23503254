package org.hlf.mentor.pause.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hlf.mentor.pause.certification.CertificationDeadLetters;

/**
 * A dead letter as ops see it: where it sits, why it is there, where it came from, the original record, and what a
 * replay did with it ({@code replay}: REPLAYED, SKIPPED, FAILED, or null when no replay has dealt with it yet).
 */
public record DeadLetterView(int partition, long offset, Instant deadLetteredAt, String mentorId, String reason,
        String exceptionClass, String sourceTopic, Integer sourcePartition, Long sourceOffset, String payload,
        ReplayedLetters.Outcome replay) {

    static DeadLetterView of(ConsumerRecord<String, String> letter, ReplayedLetters.Outcome replay) {
        Map<String, String> h = headers(letter);
        return new DeadLetterView(letter.partition(), letter.offset(), Instant.ofEpochMilli(letter.timestamp()),
                letter.key(), h.get(CertificationDeadLetters.REASON), h.get(CertificationDeadLetters.EXCEPTION),
                h.get(CertificationDeadLetters.SOURCE_TOPIC), integer(h.get(CertificationDeadLetters.SOURCE_PARTITION)),
                longValue(h.get(CertificationDeadLetters.SOURCE_OFFSET)), letter.value(), replay);
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> letter) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : letter.headers()) {
            String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            headers.put(header.key(), value);
        }
        return headers;
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
