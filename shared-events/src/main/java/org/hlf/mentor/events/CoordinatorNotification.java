package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A message for the coordinators of a chapter about one of its mentors. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoordinatorNotification(
        UUID eventId,
        String chapterId,
        UUID mentorId,
        Kind kind,
        String reason,
        LocalDate expectedReturnDate,
        Instant occurredAt) {

    public static final String CE_TYPE = "org.hlf.mentor.CoordinatorNotification";

    public enum Kind {
        PAUSED,
        PAUSE_LIFTED,
        CERTIFICATION_EXPIRED,
        CERTIFICATION_RENEWED,
        RETURN_DATE_REMINDER
    }
}
