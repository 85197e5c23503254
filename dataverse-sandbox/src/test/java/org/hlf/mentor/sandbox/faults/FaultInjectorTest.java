package org.hlf.mentor.sandbox.faults;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule selection without HTTP: rates with a seeded random, targets, validation. */
class FaultInjectorTest {

    private final Random seeded = new Random(42);
    private final FaultInjector injector = new FaultInjector(
            Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC), () -> seeded);

    @Test
    void failureRateFailsRoughlyThatShareOfCalls() {
        injector.replace(List.of(spec(null, null, 0.3, null, null)));

        long failed = 0;
        for (int i = 0; i < 10_000; i++) {
            if (injector.draw(FaultTarget.dataCall(UUID.randomUUID())).isPresent()) {
                failed++;
            }
        }

        assertThat(failed).isBetween(2_800L, 3_200L);
    }

    @Test
    void failureRateFailsWith503() {
        injector.replace(List.of(spec(null, null, 1.0, null, null)));

        assertThat(injector.draw(FaultTarget.dataCall(null))).get()
                .satisfies(fault -> assertThat(fault.status()).isEqualTo(503));
    }

    @Test
    void tokenCallsAreSparedUnlessTheRuleIncludesThem() {
        injector.replace(List.of(spec(503, null, null, null, null)));

        assertThat(injector.draw(FaultTarget.token())).isEmpty();
        assertThat(injector.draw(FaultTarget.dataCall(null))).isPresent();
    }

    @Test
    void batchPartsOnlySeeRulesAimedAtTheirMentor() {
        UUID mentor = UUID.randomUUID();
        injector.replace(List.of(spec(503, null, null, null, null), spec(504, null, null, null, mentor)));

        assertThat(injector.draw(FaultTarget.batchPart(UUID.randomUUID()))).isEmpty();
        assertThat(injector.draw(FaultTarget.batchPart(mentor))).get()
                .satisfies(fault -> assertThat(fault.status()).isEqualTo(504));
    }

    @Test
    void countedRuleDisappearsWhenUsedUp() {
        injector.replace(List.of(spec(503, 2, null, null, null)));

        assertThat(injector.draw(FaultTarget.dataCall(null))).isPresent();
        assertThat(injector.active()).singleElement().satisfies(rule -> assertThat(rule.remaining()).isEqualTo(1));
        assertThat(injector.draw(FaultTarget.dataCall(null))).isPresent();
        assertThat(injector.draw(FaultTarget.dataCall(null))).isEmpty();
        assertThat(injector.active()).isEmpty();
    }

    @Test
    void invalidListChangesNothing() {
        injector.replace(List.of(spec(503, null, null, null, null)));

        assertThatThrownBy(() -> injector.replace(List.of(spec(503, 1, null, null, null), spec(302, null, null, null, null))))
                .isInstanceOf(InvalidFaultException.class);

        assertThat(injector.active()).singleElement()
                .satisfies(rule -> assertThat(rule.spec().count()).isNull());
    }

    private static FaultSpec spec(Integer status, Integer count, Double failureRate, Long outageSeconds, UUID mentorId) {
        return new FaultSpec(status, count, null, null, failureRate, outageSeconds, null, mentorId, null);
    }
}
