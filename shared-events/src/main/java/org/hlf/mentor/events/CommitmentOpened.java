package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A mentor took on a commitment. {@code startsAt} is when a session starts (null when it has no time, as for an
 * assignment or a reimbursement); {@code summary} is what a coordinator reads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentOpened(UUID eventId, UUID commitmentId, UUID mentorId, CommitmentKind kind, Instant startsAt,
        String summary, Instant occurredAt) implements CommitmentEvent {

    public static final String TYPE = "CommitmentOpened";
}
