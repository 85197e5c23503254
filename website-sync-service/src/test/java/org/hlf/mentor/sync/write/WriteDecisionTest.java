package org.hlf.mentor.sync.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.state.SyncState;
import org.junit.jupiter.api.Test;

/** The visibility rule and the ACTIVE-only rule for showing, as plain code. */
class WriteDecisionTest {

    private static final UUID MENTOR = UUID.randomUUID();
    private static final Cause CAUSE = Cause.of(Source.API, "ops-1");

    @Test
    void syncShowsAnActiveMentorAndHidesEveryOtherStatus() {
        assertThat(decide(Intent.SYNC, true, state("ACTIVE", 4, "PENDING", null)).visible()).isTrue();
        assertThat(decide(Intent.SYNC, true, state("PAUSED", 5, "PENDING", null)).visible()).isFalse();
        assertThat(decide(Intent.SYNC, true, state("EXPIRED_CERT", 6, "FAILED", true)).visible()).isFalse();
    }

    @Test
    void decisionCarriesTheVersionItWasMadeFrom() {
        assertThat(decide(Intent.SYNC, false, state("PAUSED", 7, "PENDING", true)).basis()).isEqualTo(7);
    }

    @Test
    void syncWritesNothingWhenThePortalAlreadyShowsTheStatusUnlessForced() {
        SyncState inSync = state("PAUSED", 3, "IN_SYNC", false);
        assertThat(decide(Intent.SYNC, false, inSync).writes()).isFalse();
        assertThat(decide(Intent.SYNC, false, inSync).settled()).isEqualTo(WriteResult.Kind.ALREADY_IN_SYNC);
        assertThat(decide(Intent.SYNC, true, inSync).visible()).isFalse();
    }

    @Test
    void showIsRefusedUnlessTheLastKnownStatusIsActive() {
        assertThat(decide(Intent.SHOW, true, state("ACTIVE", 2, "IN_SYNC", false)).visible()).isTrue();
        assertThat(decide(Intent.SHOW, true, state("PAUSED", 2, "IN_SYNC", false)).settled())
                .isEqualTo(WriteResult.Kind.NOT_ACTIVE);
        assertThat(decide(Intent.SHOW, true, null).settled()).isEqualTo(WriteResult.Kind.UNKNOWN);
    }

    @Test
    void hideWritesFalseEvenForAMentorNeverHeardOf() {
        WriteDecision unknown = decide(Intent.HIDE, true, null);
        assertThat(unknown.visible()).isFalse();
        assertThat(unknown.basis()).isEqualTo(WriteDecision.NO_BASIS);
        assertThat(decide(Intent.HIDE, true, state("ACTIVE", 9, "IN_SYNC", true)).visible()).isFalse();
    }

    @Test
    void syncOfAMentorNeverHeardOfWritesNothing() {
        assertThat(decide(Intent.SYNC, true, null).settled()).isEqualTo(WriteResult.Kind.UNKNOWN);
    }

    private static WriteDecision decide(Intent intent, boolean force, SyncState state) {
        return WriteDecision.decide(new WriteRequest(MENTOR, intent, force, CAUSE), state);
    }

    private static SyncState state(String status, long version, String state, Boolean portalVisible) {
        return new SyncState(MENTOR, "oslo", status, "ACTIVE".equals(status), portalVisible, version, null, state, 0,
                null, null, null, 0);
    }
}
