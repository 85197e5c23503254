package org.hlf.mentor.sync.dlq;

import java.time.Instant;
import org.hlf.mentor.sync.sync.InboundRecord;

/** A record given up on, and why. */
public record DeadLetter(InboundRecord record, String reason, String cause, String exceptionClass, int attempts,
        Instant firstFailure, int httpStatus) {
}
