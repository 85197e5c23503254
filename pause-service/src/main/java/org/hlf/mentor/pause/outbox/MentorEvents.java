package org.hlf.mentor.pause.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.CoordinatorNotification;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.OpenCommitment;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.security.Actor;

/** Builds the outbox rows that announce a change of a mentor. */
@ApplicationScoped
public class MentorEvents {

    private final Outbox outbox;

    public MentorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The mentor as it is after the change. */
    public record MentorState(UUID mentorId, String chapterId, MentorStatus status, long version,
            LocalDate certificationValidUntil) {
    }

    public OutboxRow statusChanged(MentorState after, MentorStatus previous, String reason, Actor actor, Instant at) {
        var event = new MentorStatusChanged(UUID.randomUUID(), after.mentorId(), after.chapterId(), previous,
                after.status(), after.version(), reason, actor.initiator(), at, after.certificationValidUntil());
        return outbox.row(Topics.MENTOR_STATUS_CHANGED, after.mentorId(), MentorStatusChanged.CE_TYPE,
                event.eventId(), event);
    }

    /** @param openCommitments the mentor's open commitments for reassignment, or null where not looked at */
    public OutboxRow notifyCoordinators(UUID mentorId, String chapterId, CoordinatorNotification.Kind kind,
            String reason, LocalDate expectedReturnDate, Instant at, List<OpenCommitment> openCommitments) {
        var event = new CoordinatorNotification(UUID.randomUUID(), chapterId, mentorId, kind, reason,
                expectedReturnDate, at, openCommitments);
        return outbox.row(Topics.COORDINATOR_NOTIFICATIONS, mentorId, CoordinatorNotification.CE_TYPE,
                event.eventId(), event);
    }
}
