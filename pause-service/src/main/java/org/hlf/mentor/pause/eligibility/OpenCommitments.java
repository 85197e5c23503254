package org.hlf.mentor.pause.eligibility;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.CommitmentKind;
import org.hlf.mentor.events.OpenCommitment;

/** Reads a mentor's open commitments from the projection, in the caller's session (and transaction). */
@ApplicationScoped
public class OpenCommitments {

    public Uni<List<OpenCommitment>> of(UUID mentorId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                SELECT commitment_id, kind, starts_at, summary FROM mentor_commitment
                 WHERE mentor_id = ?1 AND closed_at IS NULL""", Object[].class)
                .setParameter(1, mentorId).getResultList())
                .map(rows -> rows.stream().map(OpenCommitments::commitment).toList());
    }

    private static OpenCommitment commitment(Object[] row) {
        return new OpenCommitment((UUID) row[0], CommitmentKind.valueOf((String) row[1]), instant(row[2]),
                (String) row[3]);
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        return ((OffsetDateTime) value).toInstant();
    }
}
