package org.hlf.mentor.sync.dlq;

import java.time.Instant;

/**
 * A record given up on, and why: the original key and payload, where it was read from, and the failure.
 * {@code httpStatus} is the portal's last answer (0 when none came).
 */
public record DeadLetter(String topic, int partition, long offset, String key, String payload, String reason,
        String cause, String exceptionClass, int attempts, Instant firstFailure, int httpStatus) {
}
