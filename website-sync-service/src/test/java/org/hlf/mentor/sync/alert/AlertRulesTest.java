package org.hlf.mentor.sync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.hlf.mentor.sync.config.SyncConfig;
import org.junit.jupiter.api.Test;

/** When incidents open and end, as plain code: thresholds and hysteresis. */
class AlertRulesTest {

    private static final SyncConfig.Alert CONFIG = new SyncConfig.Alert() {
        public int threshold() {
            return 5;
        }

        public Duration window() {
            return Duration.ofMinutes(5);
        }

        public double fireRatio() {
            return 0.2;
        }

        public double resolveRatio() {
            return 0.05;
        }

        public int rejectionThreshold() {
            return 1;
        }

        public String evaluateEvery() {
            return "15s";
        }

        public Optional<String> webhookUrl() {
            return Optional.empty();
        }
    };

    @Test
    void failingFiresAtTheRatioWithEnoughFailures() {
        assertThat(AlertRules.failingFires(new WindowStats(20, 5, 0), CONFIG)).isTrue();
        assertThat(AlertRules.failingFires(new WindowStats(10, 4, 0), CONFIG)).as("too few failures").isFalse();
        assertThat(AlertRules.failingFires(new WindowStats(100, 19, 0), CONFIG)).as("under 20 %").isFalse();
    }

    @Test
    void aRateBetweenTheTwoRatiosNeitherFiresNorResolves() {
        WindowStats tenPercent = new WindowStats(100, 10, 0);
        assertThat(AlertRules.failingFires(tenPercent, CONFIG)).isFalse();
        assertThat(AlertRules.failingResolves(tenPercent, CONFIG)).isFalse();
    }

    @Test
    void failingResolvesOnlyWhenWritesSucceedAgain() {
        assertThat(AlertRules.failingResolves(new WindowStats(40, 2, 0), CONFIG)).isTrue();
        assertThat(AlertRules.failingResolves(new WindowStats(0, 0, 0), CONFIG)).as("no writes: unknown").isFalse();
        assertThat(AlertRules.failingResolves(new WindowStats(3, 3, 0), CONFIG)).isFalse();
    }

    @Test
    void oneRefusalThatWillRecurFiresTheRejectedAlertUntilAWindowPassesWithoutOne() {
        assertThat(AlertRules.rejectedFires(new WindowStats(1000, 1, 1), CONFIG)).isTrue();
        assertThat(AlertRules.rejectedResolves(new WindowStats(1000, 0, 0))).isTrue();
        assertThat(AlertRules.rejectedResolves(new WindowStats(1000, 1, 1))).isFalse();
    }
}
