package org.hlf.mentor.pause.status;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.outbox.OutboxRow;
import org.hlf.mentor.pause.security.Actor;

/**
 * The one writer of the mentor aggregate: nothing else changes a mentor's status, inserts an audit row or an outbox
 * row. Each write is ONE statement in the caller's transaction whose parts hang off the first one's RETURNING, so
 * a lost race (the version moved on, the mentor exists already, the reminder was sent) writes nothing at all. Each is
 * an update whose count says whether it was written, never a select: Hibernate's plan cache gained a new entry for
 * every execution of a native select and thrashed (docs/benchmarks.md).
 */
@ApplicationScoped
public class MentorWriter {

    private static final String TRANSITION = """
            WITH m AS (
                UPDATE peer_mentor
                   SET status = ?1, version = ?2, updated_at = ?3, certification_valid_until = CAST(?4 AS date),
                       chapter_id = ?25
                 WHERE id = ?5 AND version = ?6
             RETURNING id),
            opened AS (
                INSERT INTO pause_period (mentor_id, start_date, expected_return_date, reason, initiated_by,
                                          initiated_role, started_at)
                SELECT id, CAST(?7 AS date), CAST(?8 AS date), ?9, ?10, ?11, ?3 FROM m WHERE ?12),
            closed AS (
                -- "=", not "IN": an IN (SELECT ...) was planned as a scan of every open pause
                UPDATE pause_period SET ended_at = ?3, ended_by = ?10, end_note = ?9
                 WHERE mentor_id = (SELECT id FROM m) AND ended_at IS NULL AND ?13
             RETURNING id),
            events AS (
                INSERT INTO outbox (aggregate_id, topic, event_type, event_id, payload, created_at)
                SELECT m.id, e.topic, e.event_type, CAST(e.event_id AS uuid), e.payload, ?3
                  FROM m, (VALUES (?17, ?18, ?19, ?20, 1), (?21, ?22, ?23, ?24, 2))
                       AS e(topic, event_type, event_id, payload, n)
                 WHERE e.topic IS NOT NULL)
            INSERT INTO status_audit (mentor_id, action, from_status, to_status, version, actor_id, actor_role, reason,
                                      request_id, occurred_at, acknowledged_commitments)
            SELECT id, ?14, ?15, ?1, ?2, ?10, ?11, ?9, ?16, ?3, CAST(?26 AS text) FROM m
             WHERE NOT ?13 OR EXISTS (SELECT 1 FROM closed)""";

    private static final String REGISTER = """
            WITH m AS (
                INSERT INTO peer_mentor (id, chapter_id, status, certification_valid_until, version, created_at,
                                         updated_at)
                VALUES (?1, ?2, ?3, CAST(?4 AS date), 1, ?5, ?5)
                ON CONFLICT (id) DO NOTHING
             RETURNING id),
            events AS (
                INSERT INTO outbox (aggregate_id, topic, event_type, event_id, payload, created_at)
                SELECT id, ?9, ?10, CAST(?11 AS uuid), ?12, ?5 FROM m)
            INSERT INTO status_audit (mentor_id, action, from_status, to_status, version, actor_id, actor_role, reason,
                                      request_id, occurred_at)
            SELECT id, 'REGISTER', NULL, ?3, 1, ?6, ?7, 'registered', ?8, ?5 FROM m""";

    private static final String REMIND = """
            WITH claimed AS (
                UPDATE pause_period SET reminder_sent_at = ?1
                 WHERE id = ?2 AND reminder_sent_at IS NULL AND ended_at IS NULL
             RETURNING mentor_id)
            INSERT INTO outbox (aggregate_id, topic, event_type, event_id, payload, created_at)
            SELECT mentor_id, ?3, ?4, CAST(?5 AS uuid), ?6, ?1 FROM claimed""";

    /** One accepted write; {@code events} holds up to two outbox rows, in order (none for a new date alone). */
    public record Write(UUID mentorId, long expectedVersion, MentorStatus previous, MentorStatus target,
            long newVersion, String chapterId, LocalDate certificationValidUntil, Instant at, LocalDate today,
            String action, String reason, LocalDate expectedReturnDate, boolean opensPause, boolean closesPause,
            Actor actor, List<OutboxRow> events, String acknowledgedCommitments) {
    }

    /** A new mentor at version 1, announced by {@code event} (previous status null). */
    public record Registration(UUID mentorId, String chapterId, MentorStatus status, LocalDate certificationValidUntil,
            Instant at, Actor actor, OutboxRow event) {
    }

    /** Fails with {@link ConcurrentChange} when another request changed the mentor or closed the pause first. */
    public Uni<Void> transition(Mutiny.Session session, Write w) {
        OutboxRow first = w.events().isEmpty() ? null : w.events().get(0);
        OutboxRow second = w.events().size() > 1 ? w.events().get(1) : null;
        var query = session.createNativeQuery(TRANSITION)
                .setParameter(1, w.target().name())
                .setParameter(2, w.newVersion())
                .setParameter(3, w.at())
                .setParameter(4, w.certificationValidUntil())
                .setParameter(5, w.mentorId())
                .setParameter(6, w.expectedVersion())
                .setParameter(7, w.today())
                .setParameter(8, w.expectedReturnDate())
                .setParameter(9, w.reason())
                .setParameter(10, w.actor().id())
                .setParameter(11, w.actor().role().name())
                .setParameter(12, w.opensPause())
                .setParameter(13, w.closesPause())
                .setParameter(14, w.action())
                .setParameter(15, w.previous().name())
                .setParameter(16, w.actor().requestId())
                .setParameter(25, w.chapterId())
                .setParameter(26, w.acknowledgedCommitments());
        bind(query, 17, first);
        bind(query, 21, second);
        // the audit row is written only when the mentor row was and, for a lift, the open pause was closed
        return query.executeUpdate().flatMap(audited -> audited == 1 ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ConcurrentChange(w.mentorId())));
    }

    /** Answers false when the mentor exists already (registered meanwhile): nothing is written then. */
    public Uni<Boolean> register(Mutiny.Session session, Registration r) {
        return session.createNativeQuery(REGISTER)
                .setParameter(1, r.mentorId())
                .setParameter(2, r.chapterId())
                .setParameter(3, r.status().name())
                .setParameter(4, r.certificationValidUntil())
                .setParameter(5, r.at())
                .setParameter(6, r.actor().id())
                .setParameter(7, r.actor().role().name())
                .setParameter(8, r.actor().requestId())
                .setParameter(9, r.event().topic())
                .setParameter(10, r.event().eventType())
                .setParameter(11, r.event().eventId().toString())
                .setParameter(12, r.event().payload())
                .executeUpdate().map(written -> written == 1);
    }

    /**
     * The return-date reminder of an open pause, sent once: answers false when it was sent already or the pause
     * ended meanwhile (another replica, a lift).
     */
    public Uni<Boolean> remind(Mutiny.Session session, long pauseId, Instant at, OutboxRow notification) {
        return session.createNativeQuery(REMIND)
                .setParameter(1, at)
                .setParameter(2, pauseId)
                .setParameter(3, notification.topic())
                .setParameter(4, notification.eventType())
                .setParameter(5, notification.eventId().toString())
                .setParameter(6, notification.payload())
                .executeUpdate().map(written -> written == 1);
    }

    private static void bind(Mutiny.Query<?> query, int from, OutboxRow row) {
        query.setParameter(from, row == null ? null : row.topic())
                .setParameter(from + 1, row == null ? null : row.eventType())
                .setParameter(from + 2, row == null ? null : row.eventId().toString())
                .setParameter(from + 3, row == null ? null : row.payload());
    }
}
