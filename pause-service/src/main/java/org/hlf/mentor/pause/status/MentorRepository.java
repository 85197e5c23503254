package org.hlf.mentor.pause.status;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.pause.security.Actor;

/** Reads mentors and pauses; a coordinator's chapter scope is part of every query, never a check afterwards. */
@ApplicationScoped
public class MentorRepository {

    /** A mentor with its open pause (null when none). */
    public record WithPause(PeerMentor mentor, PausePeriod openPause) {
    }

    /**
     * The mentor and its open pause in one round trip, if the actor may see the mentor; else a failure with
     * {@link MentorNotFound}.
     */
    public Uni<WithPause> findWithOpenPause(UUID mentorId, Actor actor) {
        String select = "select m, p from PeerMentor m left join PausePeriod p on p.mentorId = m.id and p.endedAt is null"
                + " where m.id = ?1";
        Uni<Object[]> found;
        if (!actor.chapterScoped()) {
            found = PeerMentor.getSession().flatMap(s -> s.createSelectionQuery(select, Object[].class)
                    .setParameter(1, mentorId).getSingleResultOrNull());
        } else if (actor.chapters().isEmpty()) {
            found = Uni.createFrom().nullItem();
        } else {
            found = PeerMentor.getSession().flatMap(s -> s.createSelectionQuery(select + " and m.chapterId in ?2",
                    Object[].class).setParameter(1, mentorId).setParameter(2, actor.chapters()).getSingleResultOrNull());
        }
        return found.onItem().ifNull().failWith(() -> new MentorNotFound(mentorId))
                .map(row -> new WithPause((PeerMentor) row[0], (PausePeriod) row[1]));
    }

    public Uni<List<PausePeriod>> findOpenPauses(List<UUID> mentorIds) {
        if (mentorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return PausePeriod.list("mentorId in ?1 and endedAt is null", mentorIds);
    }
}
