package org.hlf.mentor.sync.dlq;

import java.time.Instant;
import java.util.UUID;

/** Which dead letters: of one mentor, dead-lettered in [from, to]; null fields do not filter. */
public record DeadLetterFilter(UUID mentorId, Instant from, Instant to) {

    boolean matches(String key, Instant time) {
        return (mentorId == null || mentorId.toString().equals(key)) && (from == null || !time.isBefore(from))
                && (to == null || !time.isAfter(to));
    }
}
