package org.hlf.mentor.pause.dlq;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which letters a replay has dealt with (table certification_dlq_replay), so that none is applied twice. */
@ApplicationScoped
public class ReplayedLetters {

    public enum Outcome {
        /** Applied by a replay. */
        REPLAYED,
        /** Its event id had been applied already: nothing to do. */
        SKIPPED,
        /** Can never apply (unreadable, invalid): not tried again. */
        FAILED
    }

    /** What was recorded for the letters of this incarnation of the topic, by position. */
    public Uni<Map<LetterPosition, Outcome>> of(String topicId) {
        if (topicId == null) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT dlq_partition, dlq_offset, outcome FROM certification_dlq_replay WHERE topic_id = ?1",
                Object[].class).setParameter(1, topicId).getResultList())).map(ReplayedLetters::byPosition);
    }

    /** Records a letter as dealt with, in the caller's transaction; a second record of it changes nothing. */
    public Uni<Void> record(String topicId, LetterPosition letter, UUID eventId, Outcome outcome, String reason,
            String by, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO certification_dlq_replay (topic_id, dlq_partition, dlq_offset, event_id, outcome, reason,
                                                      replayed_by, replayed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING""")
                .setParameter(1, topicId).setParameter(2, letter.partition()).setParameter(3, letter.offset())
                .setParameter(4, eventId).setParameter(5, outcome.name()).setParameter(6, shorten(reason))
                .setParameter(7, by).setParameter(8, at)
                .executeUpdate()).replaceWithVoid();
    }

    private static Map<LetterPosition, Outcome> byPosition(List<Object[]> rows) {
        Map<LetterPosition, Outcome> outcomes = new HashMap<>();
        for (Object[] row : rows) {
            outcomes.put(new LetterPosition(((Number) row[0]).intValue(), ((Number) row[1]).longValue()),
                    Outcome.valueOf((String) row[2]));
        }
        return outcomes;
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
