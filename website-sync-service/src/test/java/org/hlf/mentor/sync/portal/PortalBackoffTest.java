package org.hlf.mentor.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hlf.mentor.sync.config.SyncConfig;
import org.junit.jupiter.api.Test;

/** The pause before another attempt: exponential, capped, spread, and never shorter than the portal asked. */
class PortalBackoffTest {

    private static final PortalException SERVER_ERROR = new PortalUnavailable(503, null, "busy", null, null);

    @Test
    void doublesFromTheInitialDelayPerAttempt() {
        PortalBackoff backoff = backoff(Duration.ofSeconds(30), 0, Duration.ofSeconds(60));
        backoff.init(100);

        assertThat(delays(backoff, SERVER_ERROR, 5)).containsExactly(100L, 200L, 400L, 800L, 1600L);
    }

    @Test
    void neverWaitsLongerThanTheMaximumDelay() {
        PortalBackoff backoff = backoff(Duration.ofMillis(1000), 0, Duration.ofSeconds(60));
        backoff.init(300);

        assertThat(delays(backoff, SERVER_ERROR, 5)).containsExactly(300L, 600L, 1000L, 1000L, 1000L);
    }

    @Test
    void aHugeAttemptCountStaysAtTheMaximum() {
        assertThat(PortalBackoff.delay(1000, 64, 30_000, 0)).isEqualTo(30_000);
        assertThat(PortalBackoff.delay(1, 1000, Long.MAX_VALUE, 0)).isEqualTo(1L << 30);
    }

    @Test
    void jitterSpreadsEachDelayWithinItsFractionAroundTheBase() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long delay = PortalBackoff.delay(1000, 1, 30_000, 0.5);
            assertThat(delay).isBetween(1000L, 3000L);
            seen.add(delay);
        }
        assertThat(seen).as("spread, not one value").hasSizeGreaterThan(1);
        assertThat(seen).anyMatch(delay -> delay < 2000).anyMatch(delay -> delay > 2000);
    }

    @Test
    void jitterSpreadsAroundTheCappedBase() {
        for (int i = 0; i < 2000; i++) {
            assertThat(PortalBackoff.delay(1000, 10, 4000, 0.25)).isBetween(3000L, 5000L);
        }
    }

    @Test
    void noJitterGivesTheBaseExactly() {
        assertThat(PortalBackoff.delay(250, 3, 30_000, 0)).isEqualTo(2000);
        assertThat(PortalBackoff.delay(250, 3, 30_000, -1)).isEqualTo(2000);
    }

    @Test
    void aRetryAfterLongerThanTheDelayIsWaitedOut() {
        PortalBackoff backoff = backoff(Duration.ofSeconds(30), 0, Duration.ofSeconds(60));
        backoff.init(100);

        long delay = backoff.nextDelayInMillis(throttled(Duration.ofSeconds(5)));

        assertThat(delay).isEqualTo(5000);
    }

    @Test
    void aRetryAfterShorterThanTheDelayChangesNothing() {
        PortalBackoff backoff = backoff(Duration.ofSeconds(30), 0, Duration.ofSeconds(60));
        backoff.init(4000);

        assertThat(backoff.nextDelayInMillis(throttled(Duration.ofSeconds(1)))).isEqualTo(4000);
    }

    @Test
    void aRetryAfterBeyondTheCapIsCutToTheCap() {
        PortalBackoff backoff = backoff(Duration.ofSeconds(30), 0, Duration.ofSeconds(60));
        backoff.init(100);

        assertThat(backoff.nextDelayInMillis(throttled(Duration.ofHours(1)))).isEqualTo(60_000);
    }

    @Test
    void theRetryAfterCapMayExceedTheMaximumDelay() {
        PortalBackoff backoff = backoff(Duration.ofSeconds(2), 0, Duration.ofSeconds(10));
        backoff.init(100);

        assertThat(backoff.nextDelayInMillis(throttled(Duration.ofSeconds(8)))).isEqualTo(8000);
    }

    @Test
    void aRetryAfterCountsEvenWithJitter() {
        PortalBackoff backoff = backoff(Duration.ofSeconds(30), 0.5, Duration.ofSeconds(60));
        backoff.init(100);

        assertThat(backoff.nextDelayInMillis(throttled(Duration.ofSeconds(5)))).isEqualTo(5000);
    }

    @Test
    void otherFailuresHaveNoRetryAfter() {
        PortalBackoff backoff = backoff(Duration.ofSeconds(30), 0, Duration.ofSeconds(60));
        backoff.init(100);

        assertThat(backoff.nextDelayInMillis(new PortalRejected(404, null, "gone"))).isEqualTo(100);
        assertThat(backoff.nextDelayInMillis(new IllegalStateException("boom"))).isEqualTo(200);
        assertThat(backoff.nextDelayInMillis(null)).isEqualTo(400);
    }

    private static PortalUnavailable throttled(Duration retryAfter) {
        return new PortalUnavailable(429, null, "slow down", retryAfter, null);
    }

    private static List<Long> delays(PortalBackoff backoff, Throwable cause, int count) {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            delays.add(backoff.nextDelayInMillis(cause));
        }
        return delays;
    }

    private static PortalBackoff backoff(Duration maxDelay, double jitter, Duration retryAfterCap) {
        return new PortalBackoff(new SyncConfig.Backoff() {
            @Override
            public Duration maxDelay() {
                return maxDelay;
            }

            @Override
            public double jitter() {
                return jitter;
            }

            @Override
            public Duration retryAfterCap() {
                return retryAfterCap;
            }
        });
    }
}
