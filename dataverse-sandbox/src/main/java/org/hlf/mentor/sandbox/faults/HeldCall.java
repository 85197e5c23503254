package org.hlf.mentor.sandbox.faults;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One call waiting at a hold gate. The gate is a future completed by a release or by its own timeout, so a
 * held call occupies no thread. Completing it runs the call on the completing thread: when the release
 * answers, every call it released has already read or written the store.
 */
public final class HeldCall {

    private static final String RELEASED = "released";
    private static final String TIMED_OUT = "holdMaxMs passed";

    private final long ruleId;
    private final long since = System.nanoTime();
    private final CompletableFuture<String> gate = new CompletableFuture<>();
    private final long maxMs;
    private final Consumer<HeldCall> onEnd;

    HeldCall(long ruleId, long maxMs, Consumer<HeldCall> onEnd) {
        this.ruleId = ruleId;
        this.maxMs = maxMs;
        this.onEnd = onEnd;
    }

    long ruleId() {
        return ruleId;
    }

    /** @return false when the call was no longer waiting */
    boolean release() {
        return gate.complete(RELEASED);
    }

    /** Emits, once the gate opens, how the call was held, for the request log. */
    Uni<String> passed() {
        // Mutiny's timer, not CompletableFuture's shared delayer thread: that thread keeps the context class loader
        // of whoever first used it, which in a test JVM may be a Quarkus application long stopped
        return Uni.createFrom().completionStage(gate)
                .ifNoItem().after(Duration.ofMillis(maxMs)).recoverWithItem(TIMED_OUT)
                // forgotten before the call runs, so a count of held calls never includes a running one
                .onTermination().invoke(() -> onEnd.accept(this))
                .map(how -> "held " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since) + " ms, " + how);
    }
}
