package org.hlf.mentor.sync.consumer;

import java.time.Instant;
import org.hlf.mentor.sync.dlq.DeadLetter;

/**
 * One record to sync, with where it came from: the Kafka coordinates go into the dead-letter headers, and a
 * replayed dead letter keeps those of its original record.
 */
public record InboundRecord(String topic, int partition, long offset, String key, String payload, Instant timestamp) {

    DeadLetter deadLetter(String reason, String cause, String exceptionClass, int attempts, Instant firstFailure,
            int httpStatus) {
        return new DeadLetter(topic, partition, offset, key, payload, reason, cause, exceptionClass, attempts,
                firstFailure, httpStatus);
    }
}
