package org.hlf.mentor.pause.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The audit trail, as the history reads it: one row per accepted write (only {@code MentorWriter} inserts them). */
@Entity
@Table(name = "status_audit")
public class StatusAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(nullable = false)
    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status", nullable = false)
    public String toStatus;

    @Column(nullable = false)
    public long version;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    public String reason;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** JSON array of the blocking commitments a coordinator acknowledged with this pause; null otherwise. */
    @Column(name = "acknowledged_commitments")
    public String acknowledgedCommitments;
}
