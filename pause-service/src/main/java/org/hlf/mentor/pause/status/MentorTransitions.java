package org.hlf.mentor.pause.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.audit.StatusAudit;
import org.hlf.mentor.pause.outbox.MentorEvents;
import org.hlf.mentor.pause.roster.PeerMentor;
import org.hlf.mentor.pause.security.Actor;

/**
 * Applies a trigger to one mentor in one database transaction: the status (with the version check), the pause
 * record, the audit row and the outbox rows commit together or not at all.
 */
@ApplicationScoped
public class MentorTransitions {

    private final MentorRepository mentors;
    private final MentorEvents events;
    private final Clock clock;
    private final MeterRegistry meters;

    public MentorTransitions(MentorRepository mentors, MentorEvents events, Clock clock, MeterRegistry meters) {
        this.mentors = mentors;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** What a trigger carries besides the mentor. */
    public record Request(Trigger trigger, String reason, LocalDate expectedReturnDate, LocalDate certificationDate) {

        public static Request pause(String reason, LocalDate expectedReturnDate) {
            return new Request(Trigger.PAUSE, reason, expectedReturnDate, null);
        }

        public static Request lift(String note) {
            return new Request(Trigger.LIFT, note, null, null);
        }

        /** @param lapsedOn the last valid day, or null for "lapsed before today" */
        public static Request expire(String reason, LocalDate lapsedOn) {
            return new Request(Trigger.EXPIRE, reason, null, lapsedOn);
        }

        public static Request renew(LocalDate validUntil) {
            return new Request(Trigger.RENEW, "certification renewed until " + validUntil, null, validUntil);
        }
    }

    @WithTransaction
    public Uni<MentorStatusView> apply(UUID mentorId, Request request, Actor actor) {
        return mentors.findForActor(mentorId, actor).flatMap(mentor -> mentors.findOpenPause(mentorId)
                .flatMap(openPause -> apply(mentor, openPause, request, actor)));
    }

    /** The current status, for the 409 answer after a lost race. */
    @WithSession
    public Uni<MentorStatusView> current(UUID mentorId, Actor actor) {
        return mentors.findForActor(mentorId, actor).flatMap(mentor -> mentors.findOpenPause(mentorId)
                .map(openPause -> MentorStatusView.of(mentor, openPause)));
    }

    private Uni<MentorStatusView> apply(PeerMentor mentor, PausePeriod openPause, Request request, Actor actor) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        MentorStatus previous = mentor.status;
        updateCertification(mentor, request, today);
        Outcome outcome = StateMachine.decide(mentor.id, request.trigger(), previous, openPause != null,
                mentor.certificationValidOn(today));
        if (!outcome.changesAnything()) {
            return Uni.createFrom().item(MentorStatusView.of(mentor, openPause));
        }
        boolean statusChanges = outcome.target() != previous;
        mentor.status = outcome.target();
        mentor.updatedAt = now;
        PausePeriod shownPause = outcome.opensPause() ? openPause(mentor.id, request, actor, today, now)
                : outcome.closesPause() ? null : openPause;
        String reason = reason(request, outcome);
        LocalDate expectedReturn = outcome.opensPause() ? request.expectedReturnDate() : null;
        // The flush first: its UPDATE ... WHERE version = ? takes the row lock, so a concurrent loser fails here
        // before it writes anything else.
        return Panache.getSession().flatMap(Mutiny.Session::flush)
                .flatMap(ignored -> outcome.opensPause() ? shownPause.persist().replaceWithVoid()
                        : outcome.closesPause() ? closePause(openPause, request.reason(), actor, now)
                        : Uni.createFrom().voidItem())
                .flatMap(ignored -> StatusAudit.of(mentor, previous, request.trigger().name(), reason, actor, now)
                        .persist())
                .flatMap(ignored -> statusChanges
                        ? events.statusChanged(mentor, previous, reason, actor, now)
                        : Uni.createFrom().voidItem())
                .flatMap(ignored -> events.notifyCoordinators(mentor, outcome.notification(), reason, expectedReturn,
                        now))
                .invoke(() -> meters.counter("hlf_mentor_transitions_total", "trigger", request.trigger().name(),
                        "from", previous.name(), "to", mentor.status.name()).increment())
                .map(ignored -> MentorStatusView.of(mentor, shownPause));
    }

    /** An expiry records the lapsed date; a renewal the new one, unless it is older than what we know. */
    private static void updateCertification(PeerMentor mentor, Request request, LocalDate today) {
        LocalDate date = request.certificationDate();
        if (request.trigger() == Trigger.EXPIRE) {
            LocalDate lapsed = date != null ? date : today.minusDays(1);
            if (mentor.certificationValidUntil == null || mentor.certificationValidUntil.isAfter(lapsed)) {
                mentor.certificationValidUntil = lapsed;
            }
        } else if (request.trigger() == Trigger.RENEW && date != null
                && (mentor.certificationValidUntil == null || date.isAfter(mentor.certificationValidUntil))) {
            mentor.certificationValidUntil = date;
        }
    }

    private static PausePeriod openPause(UUID mentorId, Request request, Actor actor, LocalDate today, Instant now) {
        PausePeriod pause = new PausePeriod();
        pause.mentorId = mentorId;
        pause.startDate = today;
        pause.expectedReturnDate = request.expectedReturnDate();
        pause.reason = request.reason();
        pause.initiatedBy = actor.id();
        pause.initiatedRole = actor.role().name();
        pause.startedAt = now;
        return pause;
    }

    private static Uni<Void> closePause(PausePeriod pause, String note, Actor actor, Instant now) {
        // Guarded like the version check: of two concurrent lifts only one closes the pause.
        return PausePeriod.update("endedAt = ?1, endedBy = ?2, endNote = ?3 where id = ?4 and endedAt is null",
                now, actor.id(), note, pause.id).flatMap(updated -> updated == 1
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new ConcurrentChange(pause.mentorId)));
    }

    private static String reason(Request request, Outcome outcome) {
        if (request.reason() != null && !request.reason().isBlank()) {
            return request.reason();
        }
        return switch (outcome.notification()) {
            case PAUSE_LIFTED -> "pause lifted";
            case CERTIFICATION_EXPIRED -> "certification expired";
            case CERTIFICATION_RENEWED -> "certification renewed";
            default -> null;
        };
    }

}
