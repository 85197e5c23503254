package org.hlf.mentor.pause.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.outbox.MentorEvents;
import org.hlf.mentor.pause.outbox.OutboxRow;
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
    private final TransitionWriter writer;
    private final Clock clock;
    private final MeterRegistry meters;

    public MentorTransitions(MentorRepository mentors, MentorEvents events, TransitionWriter writer, Clock clock,
            MeterRegistry meters) {
        this.mentors = mentors;
        this.events = events;
        this.writer = writer;
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

    /** The mentor after a trigger, and whether the trigger changed anything. */
    public record Applied(MentorStatusView view, boolean changed) {
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
        MentorStatus previous = mentor.status;
        if (staleExpiry(mentor, request, today)) {
            // decided from an older read (the sweep's chunk) or a late event: a renewal has been applied since
            return Uni.createFrom().item(new Applied(MentorStatusView.of(mentor, openPause), false));
        }
        LocalDate certification = certificationAfter(mentor.certificationValidUntil, request, today);
        Outcome outcome = StateMachine.decide(mentor.id, request.trigger(), previous, openPause != null,
                PeerMentor.validOn(certification, today));
        // an expiry of an expired mentor is a no-op, whatever date it names
        boolean dateChanges = request.trigger() != Trigger.EXPIRE
                && !Objects.equals(certification, mentor.certificationValidUntil);
        if (!outcome.changesAnything() && !dateChanges) {
            return Uni.createFrom().item(new Applied(MentorStatusView.of(mentor, openPause), false));
        }
        boolean statusChanges = outcome.target() != previous;
        // every accepted write moves the version, so a decision made from an older read can never be written
        long version = mentor.version + 1;
        String reason = reason(request, outcome);
        LocalDate expectedReturn = outcome.opensPause() ? request.expectedReturnDate() : null;
        var after = new MentorEvents.MentorState(mentor.id, mentor.chapterId, outcome.target(), version,
                certification);
        List<OutboxRow> rows = new ArrayList<>(2);
        if (statusChanges) {
            rows.add(events.statusChanged(after, previous, reason, actor, now));
        }
        if (outcome.changesAnything()) {
            rows.add(events.notifyCoordinators(mentor.id, mentor.chapterId, outcome.notification(), reason,
                    expectedReturn, now));
        }
        String action = outcome.changesAnything() ? request.trigger().name() : "CERTIFICATION_DATE";
        var write = new TransitionWriter.Write(mentor.id, mentor.version, previous, outcome.target(), version,
                certification, now, today, action, reason, expectedReturn, outcome.opensPause(),
                outcome.closesPause(), actor, rows);
        PausePeriod shownPause = outcome.opensPause() ? openPause(mentor.id, request, actor, today, now)
                : outcome.closesPause() ? null : openPause;
        // the entity stays as loaded: the statement below is the only write, so nothing is flushed twice
        return Panache.getSession().flatMap(session -> writer.write(session, write))
                .invoke(() -> {
                    if (outcome.changesAnything()) {
                        meters.counter("hlf_mentor_transitions_total", "trigger", request.trigger().name(),
                                "from", previous.name(), "to", outcome.target().name()).increment();
                    }
                })
                .map(ignored -> new Applied(new MentorStatusView(mentor.id, mentor.chapterId, outcome.target(),
                        certification, version, now, PauseView.of(shownPause)), outcome.changesAnything()));
    }

    /**
     * An expiry that names its lapsed date is stale when the certification read now is valid today and runs
     * past that date: a renewal was applied after the expiry was decided (the sweep read its chunk earlier) or
     * sent (a late or re-sent event). An expiry without a date ({@code auto-expire} by an admin) is always applied.
     */
    private static boolean staleExpiry(PeerMentor mentor, Request request, LocalDate today) {
        LocalDate lapsedOn = request.certificationDate();
        return request.trigger() == Trigger.EXPIRE && lapsedOn != null && mentor.certificationValidOn(today)
                && mentor.certificationValidUntil.isAfter(lapsedOn);
    }

    /**
     * An applied expiry records the lapsed date (a stale one was turned away before); a renewal records the new
     * date unless it is older than what we know.
     */
    private static LocalDate certificationAfter(LocalDate current, Request request, LocalDate today) {
        LocalDate date = request.certificationDate();
        if (request.trigger() == Trigger.EXPIRE) {
            // an expiry naming a day not yet past revokes the certification now: the last valid day was yesterday
            LocalDate lapsed = date != null && date.isBefore(today) ? date : today.minusDays(1);
            return current == null || current.isAfter(lapsed) ? lapsed : current;
        }
        if (request.trigger() == Trigger.RENEW && date != null && (current == null || date.isAfter(current))) {
            return date;
        }
        return current;
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
