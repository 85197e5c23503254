package org.hlf.mentor.pause.commitments;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hlf.mentor.events.CommitmentClosed;
import org.hlf.mentor.events.CommitmentOpened;

/**
 * The one writer of {@code mentor_commitment}. Both writes are upserts that commute where it matters: a close is
 * kept whatever arrives after it, and a later open only refreshes the details (a session moved) of a commitment.
 */
@ApplicationScoped
public class CommitmentProjection {

    /** A newer open of the same commitment (by occurredAt) updates it; closed_at is never touched. */
    private static final String OPEN = """
            INSERT INTO mentor_commitment (commitment_id, mentor_id, kind, starts_at, summary, opened_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (commitment_id) DO UPDATE
               SET kind = EXCLUDED.kind, starts_at = EXCLUDED.starts_at, summary = EXCLUDED.summary,
                   opened_at = EXCLUDED.opened_at, updated_at = EXCLUDED.updated_at
             WHERE mentor_commitment.opened_at IS NULL OR mentor_commitment.opened_at <= EXCLUDED.opened_at""";

    /** The first close wins; a close before its open leaves a closed row the open will fill in. */
    private static final String CLOSE = """
            INSERT INTO mentor_commitment (commitment_id, mentor_id, closed_at, updated_at)
            VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (commitment_id) DO UPDATE
               SET closed_at = EXCLUDED.closed_at, updated_at = EXCLUDED.updated_at
             WHERE mentor_commitment.closed_at IS NULL""";

    public Uni<Void> open(CommitmentOpened event, Instant now) {
        Instant openedAt = event.occurredAt() == null ? now : event.occurredAt();
        return Panache.getSession().flatMap(session -> session.createNativeQuery(OPEN)
                .setParameter(1, event.commitmentId()).setParameter(2, event.mentorId())
                .setParameter(3, event.kind().name()).setParameter(4, event.startsAt())
                .setParameter(5, event.summary()).setParameter(6, openedAt).setParameter(7, now)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> close(CommitmentClosed event, Instant now) {
        Instant closedAt = event.occurredAt() == null ? now : event.occurredAt();
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CLOSE)
                .setParameter(1, event.commitmentId()).setParameter(2, event.mentorId())
                .setParameter(3, closedAt).setParameter(4, now)
                .executeUpdate()).replaceWithVoid();
    }
}
