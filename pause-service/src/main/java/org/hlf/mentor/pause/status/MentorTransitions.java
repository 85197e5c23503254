package org.hlf.mentor.pause.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.hlf.mentor.events.CoordinatorNotification.Kind;
import org.hlf.mentor.events.OpenCommitment;
import org.hlf.mentor.pause.eligibility.Eligibility;
import org.hlf.mentor.pause.eligibility.OpenCommitments;
import org.hlf.mentor.pause.eligibility.PauseBlocked;
import org.hlf.mentor.pause.eligibility.PauseEligibility;
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
    private final OpenCommitments openCommitments;
    private final PauseEligibility eligibility;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    public MentorTransitions(MentorRepository mentors, MentorEvents events, MentorWriter writer,
            OpenCommitments openCommitments, PauseEligibility eligibility, ObjectMapper json, Clock clock,
            MeterRegistry meters) {
        this.mentors = mentors;
        this.events = events;
        this.writer = writer;
        this.openCommitments = openCommitments;
        this.eligibility = eligibility;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * What a trigger carries besides the mentor; {@code chapterId} null keeps the chapter;
     * {@code acknowledgeOpenCommitments}: a pause goes through despite blocking commitments.
     */
    public record Request(Trigger trigger, String reason, LocalDate expectedReturnDate, LocalDate certificationDate,
            String chapterId, boolean acknowledgeOpenCommitments) {

        public static Request pause(String reason, LocalDate expectedReturnDate, boolean acknowledgeOpenCommitments) {
            return new Request(Trigger.PAUSE, reason, expectedReturnDate, null, null, acknowledgeOpenCommitments);
        }

        public static Request lift(String note) {
            return new Request(Trigger.LIFT, note, null, null, null, false);
        }

        /** @param lapsedOn the last valid day, or null for "lapsed before today" */
        public static Request expire(String reason, LocalDate lapsedOn) {
            return new Request(Trigger.EXPIRE, reason, null, lapsedOn, null, false);
        }

        public static Request renew(LocalDate validUntil) {
            return new Request(Trigger.RENEW, "certification renewed until " + validUntil, null, validUntil, null,
                    false);
        }

        /** A roster edit: the chapter and the certification date as given. */
        public static Request roster(String chapterId, LocalDate certificationValidUntil) {
            return new Request(Trigger.ROSTER, null, null, certificationValidUntil, chapterId, false);
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
        return commitmentsFor(mentor.id, plan).flatMap(open -> apply(mentor, openPause, request, actor, plan, open,
                now, today));
    }

    /**
     * A pause is judged against the mentor's open commitments, read in this transaction; a pause and an expiry list
     * them for the coordinators. Null: not looked at.
     */
    private Uni<List<OpenCommitment>> commitmentsFor(UUID mentorId, TransitionPlan plan) {
        Kind kind = plan.outcome().notification();
        return kind == Kind.PAUSED || kind == Kind.CERTIFICATION_EXPIRED ? openCommitments.of(mentorId)
                : Uni.createFrom().nullItem();
    }

    private Uni<Applied> apply(PeerMentor mentor, PausePeriod openPause, Request request, Actor actor,
            TransitionPlan plan, List<OpenCommitment> open, Instant now, LocalDate today) {
        List<OpenCommitment> listed = open;
        List<OpenCommitment> acknowledged = null;
        if (request.trigger() == Trigger.PAUSE) {
            Eligibility judged = eligibility.judge(open, today, request.expectedReturnDate());
            if (judged.blocked() && !request.acknowledgeOpenCommitments()) {
                return Uni.createFrom().failure(new PauseBlocked(mentor.id, mentor.status, judged));
            }
            acknowledged = judged.blocked() ? judged.blockers() : null;
            listed = judged.open();
        }
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
                    expectedReturn, now, listed));
        }
        var write = new MentorWriter.Write(mentor.id, mentor.version, plan.previous(), outcome.target(), version,
                plan.chapterId(), plan.certification(), now, today, plan.action(), plan.reason(), expectedReturn,
                outcome.opensPause(), outcome.closesPause(), actor, rows, jsonOrNull(acknowledged));
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

    private String jsonOrNull(List<OpenCommitment> commitments) {
        try {
            return commitments == null ? null : json.writeValueAsString(commitments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
}
