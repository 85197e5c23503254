package org.hlf.mentor.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PortalGateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static PortalUnavailable throttled(Duration retryAfter) {
        return new PortalUnavailable(429, "0x80072322", "Number of requests exceeded the limit", retryAfter, null);
    }

    @Test
    void holdsEveryCallUntilTheTimeA429Named() {
        PortalGate gate = new PortalGate(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

        gate.observe(throttled(Duration.ofSeconds(2)));

        assertThat(gate.waitLeft()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void opensOnceThatTimeHasPassed() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        PortalGate gate = new PortalGate(moving, Duration.ofSeconds(60));
        gate.observe(throttled(Duration.ofSeconds(2)));

        now[0] = NOW.plusMillis(1500);
        assertThat(gate.waitLeft()).isEqualTo(Duration.ofMillis(500));
        now[0] = NOW.plusSeconds(3);
        assertThat(gate.waitLeft()).isZero();
    }

    @Test
    void keepsTheLatestTimeAndCapsAHugeOne() {
        PortalGate gate = new PortalGate(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

        gate.observe(throttled(Duration.ofSeconds(30)));
        gate.observe(throttled(Duration.ofSeconds(5)));
        assertThat(gate.waitLeft()).isEqualTo(Duration.ofSeconds(30));

        gate.observe(throttled(Duration.ofHours(6)));
        assertThat(gate.waitLeft()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void failuresWithoutRetryAfterLeaveItOpen() {
        PortalGate gate = new PortalGate(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

        gate.observe(new PortalUnavailable(503, null, "Service Unavailable", null, null));
        gate.observe(new IllegalStateException("not a portal answer"));

        assertThat(gate.waitLeft()).isZero();
    }
}
