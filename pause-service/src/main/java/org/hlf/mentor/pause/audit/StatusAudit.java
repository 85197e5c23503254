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
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.roster.PeerMentor;
import org.hlf.mentor.pause.security.Actor;

/** The audit trail: one row per accepted transition, and per lift that only closed a pause. */
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

    /** The audit row of a change to {@code mentor}, whose version is already the new one. */
    public static StatusAudit of(PeerMentor mentor, MentorStatus previous, String action, String reason, Actor actor,
            Instant at) {
        StatusAudit audit = new StatusAudit();
        audit.mentorId = mentor.id;
        audit.action = action;
        audit.fromStatus = previous == null ? null : previous.name();
        audit.toStatus = mentor.status.name();
        audit.version = mentor.version;
        audit.actorId = actor.id();
        audit.actorRole = actor.role().name();
        audit.reason = reason;
        audit.requestId = actor.requestId();
        audit.occurredAt = at;
        return audit;
    }
}
