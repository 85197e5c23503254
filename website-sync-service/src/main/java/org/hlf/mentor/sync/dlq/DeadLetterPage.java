package org.hlf.mentor.sync.dlq;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Dead letters in partition and offset order, how many more match after them, and where the next page starts;
 * {@code topicId} names the topic's incarnation, part of each letter's place.
 */
public record DeadLetterPage(String topicId, List<ConsumerRecord<String, String>> letters, int remaining,
        DlqCursor next) {
}
