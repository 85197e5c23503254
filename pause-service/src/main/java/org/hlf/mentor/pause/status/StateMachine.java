package org.hlf.mentor.pause.status;

import static org.hlf.mentor.events.MentorStatus.ACTIVE;
import static org.hlf.mentor.events.MentorStatus.EXPIRED_CERT;
import static org.hlf.mentor.events.MentorStatus.PAUSED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hlf.mentor.events.CoordinatorNotification.Kind;
import org.hlf.mentor.events.MentorStatus;

/**
 * The mentor status state machine of docs/architecture.md as plain code. A pause and a certification are independent
 * facts; the status follows from both: {@code PAUSED} while a pause is open and the certification valid,
 * {@code EXPIRED_CERT} whenever the certification lapsed (an open pause stays open), {@code ACTIVE} otherwise.
 */
public final class StateMachine {

    private static final List<String> COORDINATOR_ADMIN = List.of("coordinator", "admin");
    private static final List<String> SYSTEM_ADMIN = List.of("system", "admin");

    public static final List<TransitionRule> RULES = List.of(
            new TransitionRule(ACTIVE, PAUSED, Trigger.PAUSE, "reason required; expected return date optional",
                    COORDINATOR_ADMIN),
            new TransitionRule(PAUSED, ACTIVE, Trigger.LIFT, "certification valid today", COORDINATOR_ADMIN),
            new TransitionRule(PAUSED, EXPIRED_CERT, Trigger.LIFT, "certification no longer valid", COORDINATOR_ADMIN),
            new TransitionRule(ACTIVE, EXPIRED_CERT, Trigger.EXPIRE, "certification expired", SYSTEM_ADMIN),
            new TransitionRule(PAUSED, EXPIRED_CERT, Trigger.EXPIRE, "certification expired; the pause stays open",
                    SYSTEM_ADMIN),
            new TransitionRule(EXPIRED_CERT, EXPIRED_CERT, Trigger.LIFT,
                    "a pause is open: closes it, status unchanged, no status event", COORDINATOR_ADMIN),
            new TransitionRule(EXPIRED_CERT, PAUSED, Trigger.RENEW, "certification renewed while a pause is open",
                    SYSTEM_ADMIN),
            new TransitionRule(EXPIRED_CERT, ACTIVE, Trigger.RENEW, "certification renewed, no open pause",
                    SYSTEM_ADMIN));

    private StateMachine() {
    }

    /** Whether the table has a row from {@code from} to {@code to}. */
    public static boolean isTransitionAllowed(MentorStatus from, MentorStatus to) {
        return RULES.stream().anyMatch(rule -> rule.from() == from && rule.to() == to);
    }

    /** The statuses the table allows from {@code from}, for the 409 answer. */
    public static Set<MentorStatus> allowedTargets(MentorStatus from) {
        Set<MentorStatus> targets = EnumSet.noneOf(MentorStatus.class);
        RULES.stream().filter(rule -> rule.from() == from).forEach(rule -> targets.add(rule.to()));
        return targets;
    }

    /**
     * Decides what a trigger does.
     *
     * @param pauseOpen        the mentor has an open pause
     * @param certificationValid the certification is valid today (after a renewal: with the new date)
     * @throws TransitionRefused when the table has no row for it
     */
    public static Outcome decide(UUID mentorId, Trigger trigger, MentorStatus current, boolean pauseOpen,
            boolean certificationValid) {
        return switch (trigger) {
            case PAUSE -> {
                if (current != ACTIVE) {
                    throw refused(mentorId, current, "only an ACTIVE mentor can be paused");
                }
                yield new Outcome(PAUSED, true, false, Kind.PAUSED);
            }
            case LIFT -> {
                if (current == PAUSED) {
                    yield new Outcome(certificationValid ? ACTIVE : EXPIRED_CERT, false, true, Kind.PAUSE_LIFTED);
                }
                if (current == EXPIRED_CERT && pauseOpen) {
                    yield new Outcome(EXPIRED_CERT, false, true, Kind.PAUSE_LIFTED);
                }
                throw refused(mentorId, current, "the mentor has no open pause");
            }
            case EXPIRE -> current == EXPIRED_CERT
                    ? new Outcome(EXPIRED_CERT, false, false, null)
                    : new Outcome(EXPIRED_CERT, false, false, Kind.CERTIFICATION_EXPIRED);
            case RENEW -> {
                if (current != EXPIRED_CERT || !certificationValid) {
                    // a new date for a mentor that is not expired, or a renewal that is still not valid today
                    yield new Outcome(current, false, false, null);
                }
                yield new Outcome(pauseOpen ? PAUSED : ACTIVE, false, false, Kind.CERTIFICATION_RENEWED);
            }
            case ROSTER -> {
                if (current != EXPIRED_CERT && !certificationValid) {
                    yield new Outcome(EXPIRED_CERT, false, false, Kind.CERTIFICATION_EXPIRED);
                }
                if (current == EXPIRED_CERT && certificationValid) {
                    yield new Outcome(pauseOpen ? PAUSED : ACTIVE, false, false, Kind.CERTIFICATION_RENEWED);
                }
                yield new Outcome(current, false, false, null);
            }
        };
    }

    private static TransitionRefused refused(UUID mentorId, MentorStatus current, String why) {
        return new TransitionRefused(mentorId, current, allowedTargets(current),
                "Transition refused: mentor is %s; %s".formatted(current, why));
    }
}
