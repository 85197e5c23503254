package org.hlf.mentor.pause.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hlf.mentor.events.CoordinatorNotification;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.roster.PeerMentor;
import org.hlf.mentor.pause.security.Actor;

/** Writes the events of a change to the outbox, in the change's transaction. */
@ApplicationScoped
public class MentorEvents {

    private final Outbox outbox;

    public MentorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** After the mentor row was updated: {@code mentor.version} is the new version. */
    public Uni<Void> statusChanged(PeerMentor mentor, MentorStatus previous, String reason, Actor actor,
            Instant at) {
        var event = new MentorStatusChanged(UUID.randomUUID(), mentor.id, mentor.chapterId, previous, mentor.status,
                mentor.version, reason, actor.initiator(), at, mentor.certificationValidUntil);
        return outbox.add(Topics.MENTOR_STATUS_CHANGED, mentor.id, MentorStatusChanged.CE_TYPE, event.eventId(),
                event).replaceWithVoid();
    }

    public Uni<Void> notifyCoordinators(PeerMentor mentor, CoordinatorNotification.Kind kind, String reason,
            LocalDate expectedReturnDate, Instant at) {
        var event = new CoordinatorNotification(UUID.randomUUID(), mentor.chapterId, mentor.id, kind, reason,
                expectedReturnDate, at);
        return outbox.add(Topics.COORDINATOR_NOTIFICATIONS, mentor.id, CoordinatorNotification.CE_TYPE,
                event.eventId(), event).replaceWithVoid();
    }
}
