package org.hlf.mentor.pause.dlq;

import java.time.Instant;
import java.util.UUID;

/** Which dead letters: of one mentor, dead-lettered in [from, to]; a null field does not filter. */
public record DeadLetterFilter(UUID mentorId, Instant from, Instant to) {

    boolean matches(String key, Instant deadLetteredAt) {
        return (mentorId == null || mentorId.toString().equals(key))
                && (from == null || !deadLetteredAt.isBefore(from))
                && (to == null || !deadLetteredAt.isAfter(to));
    }
}
