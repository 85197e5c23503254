package org.hlf.mentor.pause.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Which events were applied: the idempotent consumer's bookkeeping, written in the effect's transaction. */
@ApplicationScoped
public class ProcessedEvents {

    /** Answers true when the id is new (and records it), false for a redelivery. */
    public Uni<Boolean> firstTime(UUID eventId, UUID mentorId, String type, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO processed_event (event_id, mentor_id, event_type, processed_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, mentorId).setParameter(3, type).setParameter(4, now)
                .executeUpdate()).map(inserted -> inserted == 1);
    }
}
