package org.hlf.mentor.sandbox.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliding-window arithmetic, with a hand-driven clock. */
class ClientUsageTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ServiceProtection protection = new ServiceProtection(
            new LimitSettings(true, 2, 10, 5, 3, 300), nanos::get);

    @Test
    void requestLeavesTheWindowExactlyWindowSecondsAfterItStarted() {
        admitted();
        advanceMillis(4_000);
        admitted();

        Admission.Refused refused = refused();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);

        advanceMillis(6_000);
        admitted();
    }

    @Test
    void executionTimeIsBookedWhenTheRequestEnds() {
        Admission.Ticket ticket = admitted();
        advanceMillis(3_000);
        ticket.release();

        Admission.Refused refused = refused();
        assertThat(refused.code()).isEqualTo("0x80072321");
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
    }

    @Test
    void releasingTwiceFreesOneSlot() {
        ServiceProtection oneAtATime = new ServiceProtection(new LimitSettings(true, 100, 10, 1, 100, 300), nanos::get);
        Admission.Ticket ticket = ((Admission.Admitted) oneAtATime.admit("c")).ticket();
        ticket.release();
        ticket.release();

        assertThat(oneAtATime.admit("c")).isInstanceOf(Admission.Admitted.class);
        assertThat(oneAtATime.admit("c")).isInstanceOf(Admission.Refused.class);
    }

    private Admission.Ticket admitted() {
        Admission admission = protection.admit("client");
        assertThat(admission).isInstanceOf(Admission.Admitted.class);
        return ((Admission.Admitted) admission).ticket();
    }

    private Admission.Refused refused() {
        Admission admission = protection.admit("client");
        assertThat(admission).isInstanceOf(Admission.Refused.class);
        return (Admission.Refused) admission;
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
