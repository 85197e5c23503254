package org.hlf.mentor.pause.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.events.CommitmentKind.ASSIGNMENT;
import static org.hlf.mentor.events.CommitmentKind.REIMBURSEMENT;
import static org.hlf.mentor.events.CommitmentKind.SESSION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.CommitmentKind;
import org.hlf.mentor.events.OpenCommitment;
import org.junit.jupiter.api.Test;

/** The pause eligibility rules as plain code: which open commitments block a pause, which are warnings. */
class PauseEligibilityTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final LocalDate RETURN = LocalDate.parse("2026-12-20");

    private final PauseEligibility rules = new PauseEligibility(true, EnumSet.of(ASSIGNMENT, SESSION), OSLO);

    @Test
    void openAssignmentBlocks() {
        var assignment = commitment(ASSIGNMENT, null);
        Eligibility judged = rules.judge(List.of(assignment), TODAY, RETURN);
        assertThat(judged.blockers()).containsExactly(assignment);
        assertThat(judged.warnings()).isEmpty();
        assertThat(judged.blocked()).isTrue();
    }

    @Test
    void sessionInsideThePauseBlocks() {
        var session = commitment(SESSION, at("2026-12-10T17:00"));
        assertThat(rules.judge(List.of(session), TODAY, RETURN).blockers()).containsExactly(session);
    }

    @Test
    void sessionOnTheFirstAndTheReturnDayBlocks() {
        var first = commitment(SESSION, at("2026-12-01T00:30"));
        var last = commitment(SESSION, at("2026-12-20T23:30"));
        assertThat(rules.judge(List.of(first, last), TODAY, RETURN).blockers()).containsExactly(first, last);
    }

    @Test
    void sessionAfterTheReturnDateIsOnlyAWarning() {
        var after = commitment(SESSION, at("2026-12-21T00:10"));
        Eligibility judged = rules.judge(List.of(after), TODAY, RETURN);
        assertThat(judged.blocked()).isFalse();
        assertThat(judged.warnings()).containsExactly(after);
    }

    @Test
    void sessionThatStartedBeforeTodayIsOnlyAWarning() {
        var past = commitment(SESSION, at("2026-11-30T23:30"));
        assertThat(rules.judge(List.of(past), TODAY, RETURN).warnings()).containsExactly(past);
    }

    @Test
    void anyFutureSessionBlocksAnOpenEndedPause() {
        var far = commitment(SESSION, at("2027-09-01T10:00"));
        assertThat(rules.judge(List.of(far), TODAY, null).blockers()).containsExactly(far);
    }

    @Test
    void sessionWithoutATimeBlocks() {
        var unscheduled = commitment(SESSION, null);
        assertThat(rules.judge(List.of(unscheduled), TODAY, RETURN).blockers()).containsExactly(unscheduled);
    }

    @Test
    void pendingReimbursementNeverBlocks() {
        var reimbursement = commitment(REIMBURSEMENT, null);
        Eligibility judged = rules.judge(List.of(reimbursement), TODAY, null);
        assertThat(judged.blocked()).isFalse();
        assertThat(judged.warnings()).containsExactly(reimbursement);
    }

    @Test
    void everyOpenCommitmentIsListedOnceBlockersFirst() {
        var reimbursement = commitment(REIMBURSEMENT, null);
        var assignment = commitment(ASSIGNMENT, null);
        var later = commitment(SESSION, at("2027-01-15T10:00"));
        Eligibility judged = rules.judge(List.of(reimbursement, later, assignment), TODAY, RETURN);
        assertThat(judged.open()).containsExactly(assignment, reimbursement, later);
    }

    @Test
    void withoutEnforcementBlockersAreWarnings() {
        var off = new PauseEligibility(false, EnumSet.of(ASSIGNMENT, SESSION), OSLO);
        var assignment = commitment(ASSIGNMENT, null);
        Eligibility judged = off.judge(List.of(assignment), TODAY, RETURN);
        assertThat(judged.blocked()).isFalse();
        assertThat(judged.warnings()).containsExactly(assignment);
    }

    @Test
    void onlyTheConfiguredKindsBlock() {
        var assignmentsOnly = new PauseEligibility(true, EnumSet.of(ASSIGNMENT), OSLO);
        var session = commitment(SESSION, at("2026-12-10T17:00"));
        assertThat(assignmentsOnly.judge(List.of(session), TODAY, RETURN).blocked()).isFalse();
    }

    @Test
    void noCommitmentsNothingToSay() {
        Eligibility judged = rules.judge(List.of(), TODAY, RETURN);
        assertThat(judged.blocked()).isFalse();
        assertThat(judged.open()).isEmpty();
    }

    private static OpenCommitment commitment(CommitmentKind kind, Instant startsAt) {
        return new OpenCommitment(UUID.randomUUID(), kind, startsAt, kind + " of the test");
    }

    /** A local time in Oslo. */
    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
    }
}
