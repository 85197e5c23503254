package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * An event of the assignment, session or reimbursement features on {@link Topics#MENTOR_COMMITMENTS}; the
 * {@code type} property tells the kinds apart.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CommitmentOpened.class, name = CommitmentOpened.TYPE),
    @JsonSubTypes.Type(value = CommitmentClosed.class, name = CommitmentClosed.TYPE)
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface CommitmentEvent permits CommitmentOpened, CommitmentClosed {

    UUID eventId();

    /** The owning feature's id of the assignment, session or reimbursement. */
    UUID commitmentId();

    UUID mentorId();

    Instant occurredAt();
}
