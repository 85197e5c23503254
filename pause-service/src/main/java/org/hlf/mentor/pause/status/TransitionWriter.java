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
 * Writes an accepted transition in ONE statement of the caller's transaction: the version-checked status update,
 * the pause opened or closed, the audit row and the outbox rows. Every part hangs off the UPDATE's RETURNING, so
 * a lost race (version moved on) writes nothing at all, in one round trip.
 */
@ApplicationScoped
public class TransitionWriter {

    private static final String SQL = """
            WITH m AS (
                UPDATE peer_mentor
                   SET status = ?1, version = ?2, updated_at = ?3, certification_valid_until = CAST(?4 AS date)
                 WHERE id = ?5 AND version = ?6
             RETURNING id),
            opened AS (
                INSERT INTO pause_period (mentor_id, start_date, expected_return_date, reason, initiated_by,
                                          initiated_role, started_at)
                SELECT id, CAST(?7 AS date), CAST(?8 AS date), ?9, ?10, ?11, ?3 FROM m WHERE ?12),
            closed AS (
                UPDATE pause_period SET ended_at = ?3, ended_by = ?10, end_note = ?9
                 WHERE mentor_id IN (SELECT id FROM m) AND ended_at IS NULL AND ?13
             RETURNING id),
            audit AS (
                INSERT INTO status_audit (mentor_id, action, from_status, to_status, version, actor_id, actor_role,
                                          reason, request_id, occurred_at)
                SELECT id, ?14, ?15, ?1, ?2, ?10, ?11, ?9, ?16, ?3 FROM m),
            events AS (
                INSERT INTO outbox (aggregate_id, topic, event_type, event_id, payload, created_at)
                SELECT m.id, e.topic, e.event_type, CAST(e.event_id AS uuid), e.payload, ?3
                  FROM m, (VALUES (?17, ?18, ?19, ?20, 1), (?21, ?22, ?23, ?24, 2))
                       AS e(topic, event_type, event_id, payload, n)
                 WHERE e.topic IS NOT NULL)
            SELECT (SELECT count(*) FROM m) AS updated, (SELECT count(*) FROM closed) AS closed""";

    /** One transition to write; {@code events} holds up to two outbox rows, in order (none for a new date alone). */
    public record Write(UUID mentorId, long expectedVersion, MentorStatus previous, MentorStatus target,
            long newVersion, LocalDate certificationValidUntil, Instant at, LocalDate today, String action,
            String reason, LocalDate expectedReturnDate, boolean opensPause, boolean closesPause, Actor actor,
            List<OutboxRow> events) {
    }

    /** Fails with {@link ConcurrentChange} when another request changed the mentor or closed the pause first. */
    public Uni<Void> write(Mutiny.Session session, Write w) {
        OutboxRow first = w.events().isEmpty() ? null : w.events().get(0);
        OutboxRow second = w.events().size() > 1 ? w.events().get(1) : null;
        var query = session.createNativeQuery(SQL, Object[].class)
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
                .setParameter(16, w.actor().requestId());
        bind(query, 17, first);
        bind(query, 21, second);
        return query.getSingleResult().flatMap(counts -> {
            long updated = ((Number) counts[0]).longValue();
            long closed = ((Number) counts[1]).longValue();
            if (updated != 1 || (w.closesPause() && closed != 1)) {
                return Uni.createFrom().failure(new ConcurrentChange(w.mentorId()));
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static void bind(Mutiny.SelectionQuery<Object[]> query, int from, OutboxRow row) {
        query.setParameter(from, row == null ? null : row.topic())
                .setParameter(from + 1, row == null ? null : row.eventType())
                .setParameter(from + 2, row == null ? null : row.eventId().toString())
                .setParameter(from + 3, row == null ? null : row.payload());
    }
}
