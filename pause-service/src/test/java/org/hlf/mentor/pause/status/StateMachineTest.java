package org.hlf.mentor.pause.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hlf.mentor.events.MentorStatus.ACTIVE;
import static org.hlf.mentor.events.MentorStatus.EXPIRED_CERT;
import static org.hlf.mentor.events.MentorStatus.PAUSED;

import java.util.Set;
import java.util.UUID;
import org.hlf.mentor.events.CoordinatorNotification.Kind;
import org.hlf.mentor.events.MentorStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table of docs/architecture.md, as a pure function. */
class StateMachineTest {

    private static final UUID ID = UUID.randomUUID();

    @ParameterizedTest
    @CsvSource({
        "ACTIVE, PAUSED, true",
        "PAUSED, ACTIVE, true",
        "PAUSED, EXPIRED_CERT, true",
        "ACTIVE, EXPIRED_CERT, true",
        "EXPIRED_CERT, EXPIRED_CERT, true",
        "EXPIRED_CERT, PAUSED, true",
        "EXPIRED_CERT, ACTIVE, true",
        "ACTIVE, ACTIVE, false",
        "PAUSED, PAUSED, false"})
    void isTransitionAllowedMatchesTheTable(MentorStatus from, MentorStatus to, boolean allowed) {
        assertThat(StateMachine.isTransitionAllowed(from, to)).isEqualTo(allowed);
    }

    @Test
    void pauseOpensAPauseOnlyFromActive() {
        Outcome outcome = StateMachine.decide(ID, Trigger.PAUSE, ACTIVE, false, true);
        assertThat(outcome).isEqualTo(new Outcome(PAUSED, true, false, Kind.PAUSED));
        assertRefused(Trigger.PAUSE, PAUSED, true, true, Set.of(ACTIVE, EXPIRED_CERT));
        assertRefused(Trigger.PAUSE, EXPIRED_CERT, false, false, Set.of(EXPIRED_CERT, PAUSED, ACTIVE));
    }

    @Test
    void liftReturnsToActiveWhenCertified() {
        assertThat(StateMachine.decide(ID, Trigger.LIFT, PAUSED, true, true))
                .isEqualTo(new Outcome(ACTIVE, false, true, Kind.PAUSE_LIFTED));
    }

    @Test
    void liftKeepsMentorHiddenWhenCertificationLapsed() {
        assertThat(StateMachine.decide(ID, Trigger.LIFT, PAUSED, true, false))
                .isEqualTo(new Outcome(EXPIRED_CERT, false, true, Kind.PAUSE_LIFTED));
    }

    @Test
    void liftOfExpiredMentorOnlyClosesTheOpenPause() {
        assertThat(StateMachine.decide(ID, Trigger.LIFT, EXPIRED_CERT, true, false))
                .isEqualTo(new Outcome(EXPIRED_CERT, false, true, Kind.PAUSE_LIFTED));
    }

    @Test
    void liftWithoutOpenPauseIsRefused() {
        assertRefused(Trigger.LIFT, ACTIVE, false, true, Set.of(PAUSED, EXPIRED_CERT));
        assertRefused(Trigger.LIFT, EXPIRED_CERT, false, false, Set.of(EXPIRED_CERT, PAUSED, ACTIVE));
    }

    @Test
    void expiryKeepsAnOpenPauseOpen() {
        assertThat(StateMachine.decide(ID, Trigger.EXPIRE, ACTIVE, false, false))
                .isEqualTo(new Outcome(EXPIRED_CERT, false, false, Kind.CERTIFICATION_EXPIRED));
        assertThat(StateMachine.decide(ID, Trigger.EXPIRE, PAUSED, true, false))
                .isEqualTo(new Outcome(EXPIRED_CERT, false, false, Kind.CERTIFICATION_EXPIRED));
    }

    @Test
    void expiryOfExpiredMentorChangesNothing() {
        assertThat(StateMachine.decide(ID, Trigger.EXPIRE, EXPIRED_CERT, true, false).changesAnything()).isFalse();
    }

    @Test
    void renewalNeverMakesAMentorOnLeaveVisible() {
        assertThat(StateMachine.decide(ID, Trigger.RENEW, EXPIRED_CERT, true, true))
                .isEqualTo(new Outcome(PAUSED, false, false, Kind.CERTIFICATION_RENEWED));
        assertThat(StateMachine.decide(ID, Trigger.RENEW, EXPIRED_CERT, false, true))
                .isEqualTo(new Outcome(ACTIVE, false, false, Kind.CERTIFICATION_RENEWED));
    }

    @Test
    void renewalOfACertifiedMentorOrStillInvalidDateChangesNoStatus() {
        assertThat(StateMachine.decide(ID, Trigger.RENEW, ACTIVE, false, true).changesAnything()).isFalse();
        assertThat(StateMachine.decide(ID, Trigger.RENEW, PAUSED, true, true).changesAnything()).isFalse();
        assertThat(StateMachine.decide(ID, Trigger.RENEW, EXPIRED_CERT, false, false).changesAnything()).isFalse();
    }

    @Test
    void everyOutcomeIsARowOfTheTable() {
        for (Trigger trigger : Trigger.values()) {
            for (MentorStatus from : MentorStatus.values()) {
                for (boolean pauseOpen : new boolean[] {false, true}) {
                    for (boolean valid : new boolean[] {false, true}) {
                        try {
                            Outcome outcome = StateMachine.decide(ID, trigger, from, pauseOpen, valid);
                            if (outcome.changesAnything()) {
                                assertThat(StateMachine.isTransitionAllowed(from, outcome.target()))
                                        .as("%s from %s", trigger, from).isTrue();
                            }
                        } catch (TransitionRefused refused) {
                            assertThat(refused.current()).isEqualTo(from);
                        }
                    }
                }
            }
        }
    }

    private static void assertRefused(Trigger trigger, MentorStatus from, boolean pauseOpen, boolean valid,
            Set<MentorStatus> allowed) {
        assertThatThrownBy(() -> StateMachine.decide(ID, trigger, from, pauseOpen, valid))
                .isInstanceOfSatisfying(TransitionRefused.class, refused -> {
                    assertThat(refused.current()).isEqualTo(from);
                    assertThat(refused.allowedTargets()).containsExactlyInAnyOrderElementsOf(allowed);
                });
    }
}
