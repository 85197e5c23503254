package org.hlf.mentor.pause.status;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;
import org.hlf.mentor.events.MentorStatus;

/** A peer mentor of the roster with its current status. */
@Entity
@Table(name = "peer_mentor")
public class PeerMentor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "chapter_id", nullable = false)
    public String chapterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MentorStatus status;

    /** A new date is an accepted write like any other: it moves the version (without an event). */
    @Column(name = "certification_valid_until")
    public LocalDate certificationValidUntil;

    /**
     * Grows by one per accepted write (a transition, a closed pause, a new certification date); the UPDATE checks it,
     * so of two concurrent changes only one commits, and a decision made from an older read is never written.
     */
    @Version
    @Column(nullable = false)
    public Long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @OptimisticLock(excluded = true)
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean certificationValidOn(LocalDate day) {
        return validOn(certificationValidUntil, day);
    }

    /** A certification valid until {@code until} (inclusive; null: none) is valid on {@code day}. */
    public static boolean validOn(LocalDate until, LocalDate day) {
        return until != null && !until.isBefore(day);
    }
}
