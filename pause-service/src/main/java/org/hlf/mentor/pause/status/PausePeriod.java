package org.hlf.mentor.pause.status;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One pause of a mentor; open while {@code endedAt} is null. */
@Entity
@Table(name = "pause_period")
public class PausePeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "expected_return_date")
    public LocalDate expectedReturnDate;

    @Column(nullable = false)
    public String reason;

    @Column(name = "initiated_by", nullable = false)
    public String initiatedBy;

    @Column(name = "initiated_role", nullable = false)
    public String initiatedRole;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "end_note")
    public String endNote;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;
}
