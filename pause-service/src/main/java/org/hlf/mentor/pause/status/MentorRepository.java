package org.hlf.mentor.pause.status;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.pause.roster.PeerMentor;
import org.hlf.mentor.pause.security.Actor;

/** Reads mentors and pauses; a coordinator's chapter scope is part of every query, never a check afterwards. */
@ApplicationScoped
public class MentorRepository {

    /** The mentor if the actor may see it, else a failure with {@link MentorNotFound}. */
    public Uni<PeerMentor> findForActor(UUID mentorId, Actor actor) {
        Uni<PeerMentor> found;
        if (!actor.chapterScoped()) {
            found = PeerMentor.findById(mentorId);
        } else if (actor.chapters().isEmpty()) {
            found = Uni.createFrom().nullItem();
        } else {
            found = PeerMentor.find("id = ?1 and chapterId in ?2", mentorId, actor.chapters()).firstResult();
        }
        return found.onItem().ifNull().failWith(() -> new MentorNotFound(mentorId));
    }

    public Uni<PausePeriod> findOpenPause(UUID mentorId) {
        return PausePeriod.find("mentorId = ?1 and endedAt is null", mentorId).firstResult();
    }

    public Uni<List<PausePeriod>> findOpenPauses(List<UUID> mentorIds) {
        if (mentorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return PausePeriod.list("mentorId in ?1 and endedAt is null", mentorIds);
    }
}
