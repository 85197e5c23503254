package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A commitment ended (assignment finished or handed over, session held or cancelled, reimbursement paid). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentClosed(UUID eventId, UUID commitmentId, UUID mentorId, Instant occurredAt)
        implements CommitmentEvent {

    public static final String TYPE = "CommitmentClosed";
}
