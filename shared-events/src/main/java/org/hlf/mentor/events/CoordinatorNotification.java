package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A message for the coordinators of a chapter about one of its mentors. {@code openCommitments} (added later, so
 * absent in older records) lists the mentor's open commitments when it was paused or its certification expired, for
 * reassignment; null for the other kinds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoordinatorNotification(
        UUID eventId,
        String chapterId,
        UUID mentorId,
        Kind kind,
        String reason,
        LocalDate expectedReturnDate,
        Instant occurredAt,
        List<OpenCommitment> openCommitments) {

    public static final String CE_TYPE = "org.hlf.mentor.CoordinatorNotification";

    public enum Kind {
        PAUSED,
        PAUSE_LIFTED,
        CERTIFICATION_EXPIRED,
        CERTIFICATION_RENEWED,
        RETURN_DATE_REMINDER
    }
}
