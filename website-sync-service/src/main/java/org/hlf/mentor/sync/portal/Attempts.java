package org.hlf.mentor.sync.portal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the attempts of one guarded portal operation. Fault tolerance re-invokes the method with the same
 * arguments, so the caller learns how many calls were made and when the first one failed; and the operation's
 * deadline travels with it, so that no attempt starts after it (fault tolerance's own limits are per method).
 */
public final class Attempts {

    private final Instant deadline;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<Instant> firstFailure = new AtomicReference<>();
    private final AtomicReference<PortalException> lastFailure = new AtomicReference<>();

    public Attempts(Instant deadline) {
        this.deadline = deadline;
    }

    /** The deadline passed: no attempt may start; the failure says what the portal last answered. */
    public PortalBudgetUsedUp overBudget() {
        return Instant.now().isBefore(deadline) ? null : new PortalBudgetUsedUp(deadline, lastFailure.get());
    }

    public int begin() {
        int attempt = count.incrementAndGet();
        if (attempt > 1) {
            // a timeout is thrown outside the guarded method, so the previous attempt may not have said it failed
            failed();
        }
        return attempt;
    }

    public void failed() {
        firstFailure.compareAndSet(null, Instant.now());
    }

    /** An attempt ended with the portal's answer (or no answer): kept, for when the operation is cut short. */
    public void failed(Throwable failure) {
        failed();
        if (failure instanceof PortalException portal) {
            lastFailure.set(portal);
        }
    }

    /** The portal's last refusal, null while there was none. */
    public PortalException lastFailure() {
        return lastFailure.get();
    }

    public int count() {
        return count.get();
    }

    /** When the first attempt failed; null while none did. */
    public Instant firstFailure() {
        return firstFailure.get();
    }
}
