package org.hlf.mentor.pause.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hlf.mentor.events.CommitmentKind;

/**
 * A row of the commitment projection as the rules read it (only {@code commitments.CommitmentProjection} writes
 * them). Read through HQL, whose query plan Hibernate caches; see {@link OpenCommitments}.
 */
@Entity
@Table(name = "mentor_commitment")
public class MentorCommitment {

    @Id
    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    /** Null only for a close that came before its open. */
    @Enumerated(EnumType.STRING)
    public CommitmentKind kind;

    @Column(name = "starts_at")
    public Instant startsAt;

    public String summary;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
