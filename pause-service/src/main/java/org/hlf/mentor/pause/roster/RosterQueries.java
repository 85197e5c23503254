package org.hlf.mentor.pause.roster;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.status.PeerMentor;

/** Read side of the roster: the paged read that reconciliation takes as the truth. */
@ApplicationScoped
public class RosterQueries {

    /**
     * Keyset paging by mentor id: one query per page, served by the primary key, or by
     * {@code peer_mentor_chapter_mentor (chapter_id, id)} with a chapter. It reads one row more than the page to
     * know whether another page follows. Only the columns of the answer are selected (no entities to manage).
     */
    @WithSession
    public Uni<RosterPage> page(String chapterId, UUID after, int limit) {
        List<String> conditions = new ArrayList<>(2);
        if (chapterId != null) {
            conditions.add("m.chapterId = :chapterId");
        }
        if (after != null) {
            conditions.add("m.id > :after");
        }
        String query = "select m.id, m.chapterId, m.status, m.version, m.certificationValidUntil from PeerMentor m"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + " order by m.id";
        return PeerMentor.getSession().flatMap(session -> {
            var select = session.createSelectionQuery(query, Object[].class).setMaxResults(limit + 1);
            if (chapterId != null) {
                select.setParameter("chapterId", chapterId);
            }
            if (after != null) {
                select.setParameter("after", after);
            }
            return select.getResultList();
        }).map(rows -> {
            boolean more = rows.size() > limit;
            List<RosterItem> items = (more ? rows.subList(0, limit) : rows).stream()
                    .map(row -> new RosterItem((UUID) row[0], (String) row[1], (MentorStatus) row[2], (Long) row[3],
                            (LocalDate) row[4]))
                    .toList();
            String next = more ? RosterCursor.encode(items.get(items.size() - 1).mentorId()) : null;
            return new RosterPage(items, next);
        });
    }
}
