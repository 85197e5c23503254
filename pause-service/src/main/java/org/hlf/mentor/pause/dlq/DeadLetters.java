package org.hlf.mentor.pause.dlq;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The letters on certification-events-dlq that matched, in (partition, offset) order, read up to the end the
 * topic had when the read began. {@code topicId} names this incarnation of the topic (null when it does not exist).
 */
public record DeadLetters(String topicId, List<ConsumerRecord<String, String>> letters) {

    static DeadLetters none() {
        return new DeadLetters(null, List.of());
    }

    static LetterPosition position(ConsumerRecord<String, String> letter) {
        return new LetterPosition(letter.partition(), letter.offset());
    }
}
