package org.hlf.mentor.sync.portal;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.hlf.mentor.sync.config.SyncConfig;

/**
 * Dataverse's {@code Retry-After} speaks about the caller, not one request: while a client is throttled, every call it
 * sends is refused and counts against it. So once the portal names a time, this replica sends nothing to it before
 * then (capped like the backoff), whichever write, read or page asked; each call's own retry waits too
 * ({@link PortalBackoff}). Calls wait without blocking a thread.
 */
@ApplicationScoped
public class PortalGate {

    private final Clock clock;
    private final Duration cap;
    private final AtomicLong closedUntilMillis = new AtomicLong();

    @Inject
    public PortalGate(SyncConfig config) {
        this(Clock.systemUTC(), config.backoff().retryAfterCap());
    }

    PortalGate(Clock clock, Duration cap) {
        this.clock = clock;
        this.cap = cap;
    }

    /** Completes when the portal may be called. */
    public Uni<Void> pass() {
        Duration wait = waitLeft();
        return wait.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    /** Closes the gate until the time a failure's {@code Retry-After} named; other failures leave it as it is. */
    public void observe(Throwable failure) {
        if (failure instanceof PortalUnavailable unavailable && unavailable.retryAfter().isPresent()) {
            Duration asked = unavailable.retryAfter().get();
            long until = clock.millis() + (asked.compareTo(cap) > 0 ? cap : asked).toMillis();
            closedUntilMillis.accumulateAndGet(until, Math::max);
        }
    }

    Duration waitLeft() {
        return Duration.ofMillis(Math.max(0, closedUntilMillis.get() - clock.millis()));
    }
}
