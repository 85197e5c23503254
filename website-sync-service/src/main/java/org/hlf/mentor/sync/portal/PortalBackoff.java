package org.hlf.mentor.sync.portal;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hlf.mentor.sync.config.SyncConfig;

/**
 * Exponential backoff with jitter that never waits less than the portal's {@code Retry-After} (capped, so a
 * bogus huge value cannot stall the partition past the consumer's unprocessed-record limit). Fault tolerance
 * makes one instance per guarded invocation, by its no-argument constructor: hence config by lookup.
 */
public class PortalBackoff implements CustomBackoffStrategy {

    private final SyncConfig.Backoff settings;
    private long initialMillis;
    private int retries;

    public PortalBackoff() {
        this(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(SyncConfig.class).backoff());
    }

    public PortalBackoff(SyncConfig.Backoff settings) {
        this.settings = settings;
    }

    @Override
    public void init(long initialDelayInMillis) {
        this.initialMillis = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long delay = delay(initialMillis, retries++, settings.maxDelay().toMillis(), settings.jitter());
        if (cause instanceof PortalUnavailable unavailable && unavailable.retryAfter().isPresent()) {
            long asked = Math.min(unavailable.retryAfter().get().toMillis(), settings.retryAfterCap().toMillis());
            delay = Math.max(delay, asked);
        }
        return delay;
    }

    /** {@code initial * 2^retry}, at most {@code max}, spread by +-{@code jitter}. */
    static long delay(long initial, int retry, long max, double jitter) {
        long base = Math.min(max, initial << Math.min(retry, 30));
        double spread = jitter <= 0 ? 1.0 : 1.0 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(0, Math.round(base * spread));
    }
}
