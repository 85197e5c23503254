package org.hlf.mentor.pause.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.pause.outbox.MentorEvents;
import org.hlf.mentor.pause.outbox.OutboxRow;
import org.hlf.mentor.pause.security.Actor;

/**
 * Applies a trigger to one mentor in one database transaction: the state machine decides from the mentor as read
 * now ({@link TransitionPlan}), and {@link MentorWriter} writes the status (with the version check), the pause
 * record, the audit row and the outbox rows together or not at all.
 */
@ApplicationScoped
public class MentorTransitions {

    private final MentorRepository mentors;
    private final MentorEvents events;
    private final MentorWriter writer;
    private final Clock clock;
    private final MeterRegistry meters;

    public MentorTransitions(MentorRepository mentors, MentorEvents events, MentorWriter writer, Clock clock,
            MeterRegistry meters) {
        this.mentors = mentors;
        this.events = events;
        this.writer = writer;
        this.clock = clock;
        this.meters = meters;
    }

    /** What a trigger carries besides the mentor; {@code chapterId} null keeps the chapter. */
    public record Request(Trigger trigger, String reason, LocalDate expectedReturnDate, LocalDate certificationDate,
            String chapterId) {

        public static Request pause(String reason, LocalDate expectedReturnDate) {
            return new Request(Trigger.PAUSE, reason, expectedReturnDate, null, null);
        }

        public static Request lift(String note) {
            return new Request(Trigger.LIFT, note, null, null, null);
        }

        /** @param lapsedOn the last valid day, or null for "lapsed before today" */
        public static Request expire(String reason, LocalDate lapsedOn) {
            return new Request(Trigger.EXPIRE, reason, null, lapsedOn, null);
        }

        public static Request renew(LocalDate validUntil) {
            return new Request(Trigger.RENEW, "certification renewed until " + validUntil, null, validUntil, null);
        }

        /** A roster edit: the chapter and the certification date as given. */
        public static Request roster(String chapterId, LocalDate certificationValidUntil) {
            return new Request(Trigger.ROSTER, null, null, certificationValidUntil, chapterId);
        }
    }

    /**
     * The mentor after a trigger. {@code changed}: a transition happened (for a roster edit: anything was written);
     * {@code wrote}: anything was written at all.
     */
    public record Applied(MentorStatusView view, boolean changed, boolean wrote) {
    }

    @WithTransaction
    public Uni<Applied> apply(UUID mentorId, Request request, Actor actor) {
        return mentors.findWithOpenPause(mentorId, actor)
                .flatMap(found -> apply(found.mentor(), found.openPause(), request, actor));
    }

    /** The current status, for the 409 answer after a lost race. */
    @WithSession
    public Uni<MentorStatusView> current(UUID mentorId, Actor actor) {
        return mentors.findWithOpenPause(mentorId, actor)
                .map(found -> MentorStatusView.of(found.mentor(), found.openPause()));
    }

    private Uni<Applied> apply(PeerMentor mentor, PausePeriod openPause, Request request, Actor actor) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        var planned = TransitionPlan.of(mentor, openPause != null, request, today);
        if (planned.isEmpty()) {
            return Uni.createFrom().item(new Applied(MentorStatusView.of(mentor, openPause), false, false));
        }
        TransitionPlan plan = planned.get();
        Outcome outcome = plan.outcome();
        // every accepted write moves the version, so a decision made from an older read can never be written
        long version = mentor.version + 1;
        LocalDate expectedReturn = outcome.opensPause() ? request.expectedReturnDate() : null;
        var after = new MentorEvents.MentorState(mentor.id, plan.chapterId(), outcome.target(), version,
                plan.certification());
        List<OutboxRow> rows = new ArrayList<>(2);
        if (plan.announces()) {
            rows.add(events.statusChanged(after, plan.previous(), plan.reason(), actor, now));
        }
        if (outcome.changesAnything()) {
            rows.add(events.notifyCoordinators(mentor.id, plan.chapterId(), outcome.notification(), plan.reason(),
                    expectedReturn, now));
        }
        var write = new MentorWriter.Write(mentor.id, mentor.version, plan.previous(), outcome.target(), version,
                plan.chapterId(), plan.certification(), now, today, plan.action(), plan.reason(), expectedReturn,
                outcome.opensPause(), outcome.closesPause(), actor, rows);
        PausePeriod shownPause = outcome.opensPause() ? openPause(mentor.id, request, actor, today, now)
                : outcome.closesPause() ? null : openPause;
        boolean changed = request.trigger() == Trigger.ROSTER || outcome.changesAnything();
        // the entity stays as loaded: the statement below is the only write, so nothing is flushed twice
        return Panache.getSession().flatMap(session -> writer.transition(session, write))
                .invoke(() -> {
                    if (outcome.changesAnything()) {
                        meters.counter("hlf_mentor_transitions_total", "trigger", request.trigger().name(),
                                "from", plan.previous().name(), "to", outcome.target().name()).increment();
                    }
                })
                .map(ignored -> new Applied(new MentorStatusView(mentor.id, plan.chapterId(), outcome.target(),
                        plan.certification(), version, now, PauseView.of(shownPause)), changed, true));
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
}
