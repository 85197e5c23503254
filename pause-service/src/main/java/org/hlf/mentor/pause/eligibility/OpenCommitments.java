package org.hlf.mentor.pause.eligibility;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.OpenCommitment;

/**
 * Reads a mentor's open commitments from the projection, in the caller's session (and transaction). HQL, not native
 * SQL: Hibernate caches an HQL plan once, where every native select added a new entry to its plan cache.
 */
@ApplicationScoped
public class OpenCommitments {

    private static final String OPEN = "select new org.hlf.mentor.events.OpenCommitment(c.commitmentId, c.kind,"
            + " c.startsAt, c.summary) from MentorCommitment c where c.mentorId = ?1 and c.closedAt is null";

    public Uni<List<OpenCommitment>> of(UUID mentorId) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(OPEN, OpenCommitment.class)
                .setParameter(1, mentorId).getResultList());
    }
}
