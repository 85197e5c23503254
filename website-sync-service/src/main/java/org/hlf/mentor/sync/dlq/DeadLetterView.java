package org.hlf.mentor.sync.dlq;

import java.time.Instant;

/** A dead letter as ops see it: where it sits, why it is there, and the original record. */
public record DeadLetterView(int partition, long offset, Instant deadLetteredAt, String mentorId, String reason,
        String cause, String exceptionClass, Integer attempts, String firstFailure, Integer httpStatus,
        String sourceTopic, Integer sourcePartition, Long sourceOffset, String payload) {
}
