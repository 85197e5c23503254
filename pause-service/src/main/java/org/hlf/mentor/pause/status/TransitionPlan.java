package org.hlf.mentor.pause.status;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.hlf.mentor.events.CoordinatorNotification.Kind;
import org.hlf.mentor.events.MentorStatus;

/**
 * What one request does to one mentor, decided from the mentor as read now: the state machine's outcome and what
 * else changes (certification date, chapter), the audit action and the reason. Plain code: every trigger of a
 * status change (coordinators, certification events, the sweep, auto-expire, roster edits) is decided here.
 *
 * @param outcome the state machine's answer; {@code outcome.changesAnything()}: a transition to announce
 */
record TransitionPlan(Outcome outcome, MentorStatus previous, LocalDate certification, String chapterId,
        boolean chapterChanges, String action, String reason) {

    /** Empty when the request changes nothing: no write, no version, no event. */
    static Optional<TransitionPlan> of(PeerMentor mentor, boolean pauseOpen, MentorTransitions.Request request,
            LocalDate today) {
        if (staleExpiry(mentor, request, today)) {
            // decided from an older read (the sweep's chunk) or a late event: a renewal has been applied since
            return Optional.empty();
        }
        LocalDate certification = certificationAfter(mentor.certificationValidUntil, request, today);
        Outcome outcome = StateMachine.decide(mentor.id, request.trigger(), mentor.status, pauseOpen,
                PeerMentor.validOn(certification, today));
        String chapter = request.chapterId() == null ? mentor.chapterId : request.chapterId();
        boolean chapterChanges = !chapter.equals(mentor.chapterId);
        // an expiry of an expired mentor is a no-op, whatever date it names
        boolean dateChanges = request.trigger() != Trigger.EXPIRE
                && !Objects.equals(certification, mentor.certificationValidUntil);
        if (!outcome.changesAnything() && !dateChanges && !chapterChanges) {
            return Optional.empty();
        }
        return Optional.of(new TransitionPlan(outcome, mentor.status, certification, chapter, chapterChanges,
                action(request, outcome, chapterChanges), reason(request, outcome, chapterChanges)));
    }

    boolean statusChanges() {
        return outcome.target() != previous;
    }

    /** Consumers learn of a new status or chapter (website-sync scopes coordinators by chapter). */
    boolean announces() {
        return statusChanges() || chapterChanges;
    }

    /**
     * An expiry that names its lapsed date is stale when the certification read now is valid today and runs past
     * that date. An expiry without a date ({@code auto-expire} by an admin) is always applied.
     */
    private static boolean staleExpiry(PeerMentor mentor, MentorTransitions.Request request, LocalDate today) {
        LocalDate lapsedOn = request.certificationDate();
        return request.trigger() == Trigger.EXPIRE && lapsedOn != null && mentor.certificationValidOn(today)
                && mentor.certificationValidUntil.isAfter(lapsedOn);
    }

    /**
     * An applied expiry records the lapsed date (a day not yet past revokes the certification now: the last valid
     * day was yesterday); a renewal records the new date unless it is older than what we know; a roster edit
     * records the date as given.
     */
    private static LocalDate certificationAfter(LocalDate current, MentorTransitions.Request request,
            LocalDate today) {
        LocalDate date = request.certificationDate();
        return switch (request.trigger()) {
            case EXPIRE -> {
                LocalDate lapsed = date != null && date.isBefore(today) ? date : today.minusDays(1);
                yield current == null || current.isAfter(lapsed) ? lapsed : current;
            }
            case RENEW -> date != null && (current == null || date.isAfter(current)) ? date : current;
            case ROSTER -> date;
            default -> current;
        };
    }

    private static String action(MentorTransitions.Request request, Outcome outcome, boolean chapterChanges) {
        if (request.trigger() != Trigger.ROSTER) {
            return outcome.changesAnything() ? request.trigger().name() : "CERTIFICATION_DATE";
        }
        return outcome.changesAnything() ? outcome.notification().name()
                : chapterChanges ? "ROSTER_UPDATE" : "CERTIFICATION_DATE";
    }

    private static String reason(MentorTransitions.Request request, Outcome outcome, boolean chapterChanges) {
        if (request.reason() != null && !request.reason().isBlank()) {
            return request.reason();
        }
        Kind kind = outcome.notification();
        if (kind == null) {
            return chapterChanges ? "chapter changed" : "certification date changed";
        }
        return switch (kind) {
            case PAUSE_LIFTED -> "pause lifted";
            case CERTIFICATION_EXPIRED -> "certification expired";
            case CERTIFICATION_RENEWED -> "certification renewed";
            default -> null;
        };
    }
}
