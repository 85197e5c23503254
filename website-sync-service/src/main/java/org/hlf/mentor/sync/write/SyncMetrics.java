package org.hlf.mentor.sync.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prometheus counters of the sync: {@code website_sync_syncs_total{outcome}}, {@code website_sync_failures_total},
 * {@code website_sync_retries_total}, {@code website_sync_dead_letters_total{reason}}.
 */
@ApplicationScoped
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Counter failures;
    private final Counter retries;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.failures = Counter.builder("website.sync.failures").description("Sync operations that failed")
                .register(registry);
        this.retries = Counter.builder("website.sync.retries").description("Portal calls beyond the first")
                .register(registry);
    }

    public void synced(String outcome) {
        Counter.builder("website.sync.syncs").description("Sync operations by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    public void failed() {
        failures.increment();
        synced("failed");
    }

    public void retried(int extraCalls) {
        if (extraCalls > 0) {
            retries.increment(extraCalls);
        }
    }

    public void deadLettered(String reason) {
        Counter.builder("website.sync.dead.letters").description("Records sent to website-sync-dlq")
                .tag("reason", reason).register(registry).increment();
    }
}
