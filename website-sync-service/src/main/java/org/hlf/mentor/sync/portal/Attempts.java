package org.hlf.mentor.sync.portal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the attempts of one guarded portal operation. Fault tolerance re-invokes the method with the same
 * arguments, so the caller learns how many calls were made and when the first one failed.
 */
public final class Attempts {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<Instant> firstFailure = new AtomicReference<>();

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

    public int count() {
        return count.get();
    }

    /** When the first attempt failed; null while none did. */
    public Instant firstFailure() {
        return firstFailure.get();
    }
}
