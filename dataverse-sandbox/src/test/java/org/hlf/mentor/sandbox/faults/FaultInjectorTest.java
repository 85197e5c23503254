package org.hlf.mentor.sandbox.faults;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Rule selection without HTTP: rates with a seeded random, targets, methods, holds, validation. */
class FaultInjectorTest {

    private final Random seeded = new Random(42);
    private final HeldCalls held = new HeldCalls();
    private final FaultInjector injector = new FaultInjector(
            Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC), () -> seeded, held);

    @Test
    void failureRateFailsRoughlyThatShareOfCalls() {
        injector.replace(List.of(spec(null, null, 0.3, null, null)));

        long failed = 0;
        for (int i = 0; i < 10_000; i++) {
            if (injector.draw(FaultTarget.dataCall("PATCH", UUID.randomUUID())).isPresent()) {
                failed++;
            }
        }

        assertThat(failed).isBetween(2_800L, 3_200L);
    }

    @Test
    void failureRateFailsWith503() {
        injector.replace(List.of(spec(null, null, 1.0, null, null)));

        assertThat(injector.draw(FaultTarget.dataCall("PATCH", null))).get()
                .satisfies(fault -> assertThat(fault.status()).isEqualTo(503));
    }

    @Test
    void tokenCallsAreSparedUnlessTheRuleIncludesThem() {
        injector.replace(List.of(spec(503, null, null, null, null)));

        assertThat(injector.draw(FaultTarget.token())).isEmpty();
        assertThat(injector.draw(FaultTarget.dataCall("PATCH", null))).isPresent();
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

        assertThat(injector.draw(FaultTarget.dataCall("PATCH", null))).isPresent();
        assertThat(injector.active()).singleElement().satisfies(rule -> assertThat(rule.remaining()).isEqualTo(1));
        assertThat(injector.draw(FaultTarget.dataCall("PATCH", null))).isPresent();
        assertThat(injector.draw(FaultTarget.dataCall("PATCH", null))).isEmpty();
        assertThat(injector.active()).isEmpty();
    }

    @Test
    void ruleWithAMethodOnlyStrikesCallsOfThatMethod() {
        injector.replace(List.of(forMethod(503, "get")));

        assertThat(injector.draw(FaultTarget.dataCall("PATCH", null))).isEmpty();
        assertThat(injector.draw(FaultTarget.dataCall("POST", null))).isEmpty();
        assertThat(injector.draw(FaultTarget.dataCall("GET", null))).isPresent();
    }

    @Test
    void batchPartsCountAsPostForRulesWithAMethod() {
        UUID mentor = UUID.randomUUID();
        injector.replace(List.of(
                new FaultSpec(503, null, null, null, null, null, null, mentor, null, null, null, "PATCH"),
                new FaultSpec(504, null, null, null, null, null, null, mentor, null, null, null, "POST")));

        assertThat(injector.draw(FaultTarget.batchPart(mentor))).get()
                .satisfies(fault -> assertThat(fault.status()).isEqualTo(504));
    }

    @Test
    void holdRuleNeverFailsABatchPart() {
        UUID mentor = UUID.randomUUID();
        injector.replace(List.of(hold(null, null, mentor)));

        assertThat(injector.draw(FaultTarget.batchPart(mentor))).isEmpty();
        assertThat(held.count()).isZero();
    }

    @Test
    void usedUpHoldRuleStaysListedWhileItsCallIsHeld() {
        injector.replace(List.of(hold(1, "GET", null)));

        Fault fault = injector.draw(FaultTarget.dataCall("GET", null)).orElseThrow();

        assertThat(fault.hold()).isNotNull();
        assertThat(injector.active()).singleElement()
                .satisfies(rule -> assertThat(rule.remaining()).isZero())
                .satisfies(rule -> assertThat(rule.held()).isEqualTo(1));
        assertThat(injector.draw(FaultTarget.dataCall("GET", null))).isEmpty();

        CompletableFuture<Optional<Fault>> passed = FaultEffects.await(Optional.of(fault)).subscribeAsCompletionStage();
        assertThat(passed).isNotDone();
        assertThat(held.releaseAll()).isEqualTo(1);

        assertThat(passed).isCompletedWithValueMatching(after -> after.orElseThrow().description().endsWith("ms, released"));
        assertThat(injector.active()).isEmpty();
    }

    @Test
    void heldCallGoesOnByItselfAfterHoldMaxMs() {
        injector.replace(List.of(new FaultSpec(null, 1, null, null, null, null, null, null, null, true, 50L, null)));
        Fault fault = injector.draw(FaultTarget.dataCall("PATCH", null)).orElseThrow();

        CompletableFuture<Optional<Fault>> passed = FaultEffects.await(Optional.of(fault)).subscribeAsCompletionStage();

        await().atMost(Duration.ofSeconds(5)).until(passed::isDone);
        assertThat(passed.join().orElseThrow().description()).endsWith("ms, holdMaxMs passed");
        assertThat(held.count()).isZero();
        assertThat(held.releaseAll()).isZero();
    }

    @Test
    void replacingTheRulesKeepsHeldCallsHeldAndListed() {
        injector.replace(List.of(hold(null, null, null)));
        Fault fault = injector.draw(FaultTarget.dataCall("PATCH", null)).orElseThrow();
        CompletableFuture<Optional<Fault>> passed = FaultEffects.await(Optional.of(fault)).subscribeAsCompletionStage();

        injector.replace(List.of(spec(503, null, null, null, null)));

        assertThat(injector.active()).extracting(ActiveFault::held).containsExactly(1, 0);
        assertThat(injector.draw(FaultTarget.dataCall("PATCH", null))).get()
                .satisfies(next -> assertThat(next.status()).isEqualTo(503));
        assertThat(passed).isNotDone();
        held.releaseAll();
        assertThat(passed).isDone();
        assertThat(injector.active()).extracting(ActiveFault::held).containsExactly(0);
    }

    @Test
    void clearingTheRulesLetsHeldCallsGoOn() {
        injector.replace(List.of(hold(null, null, null)));
        Fault fault = injector.draw(FaultTarget.dataCall("PATCH", null)).orElseThrow();
        CompletableFuture<Optional<Fault>> passed = FaultEffects.await(Optional.of(fault)).subscribeAsCompletionStage();

        injector.clear();

        assertThat(passed).isDone();
        assertThat(injector.active()).isEmpty();
    }

    @Test
    void holdFieldsAreValidated() {
        assertThat(new FaultSpec(null, null, null, null, null, null, null, null, null, null, 100L, null).problems())
                .contains("holdMaxMs only applies to a rule with \"hold\": true");
        assertThat(new FaultSpec(null, null, null, null, null, null, null, null, null, true, 0L, null).problems())
                .contains("holdMaxMs must be between 1 and 600000");
        assertThat(new FaultSpec(503, null, null, null, null, null, null, null, null, null, null, "GE T").problems())
                .contains("method must be an HTTP method such as GET, PATCH or POST");
        assertThat(hold(1, "PATCH", UUID.randomUUID()).problems()).isEmpty();
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
        return new FaultSpec(status, count, null, null, failureRate, outageSeconds, null, mentorId, null, null, null, null);
    }

    private static FaultSpec hold(Integer count, String method, UUID mentorId) {
        return new FaultSpec(null, count, null, null, null, null, null, mentorId, null, true, null, method);
    }

    private static FaultSpec forMethod(int status, String method) {
        return new FaultSpec(status, null, null, null, null, null, null, null, null, null, null, method);
    }
}
