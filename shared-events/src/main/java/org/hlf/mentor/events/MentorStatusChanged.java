package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A mentor's status changed (or the mentor was registered: {@code previousStatus} is then null).
 * {@code version} grows by one per change of that mentor; consumers drop versions they already applied.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentorStatusChanged(
        UUID eventId,
        UUID mentorId,
        String chapterId,
        MentorStatus previousStatus,
        MentorStatus newStatus,
        long version,
        String reason,
        Initiator initiatedBy,
        Instant occurredAt,
        LocalDate certificationValidUntil) {

    public static final String CE_TYPE = "org.hlf.mentor.MentorStatusChanged";
}
