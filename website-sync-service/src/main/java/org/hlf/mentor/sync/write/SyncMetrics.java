package org.hlf.mentor.sync.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prometheus counters of the sync: {@code website_sync_syncs_total{outcome}}, {@code website_sync_failures_total},
 * {@code website_sync_retries_total}, {@code website_sync_dead_letters_total{reason}}.
 */
@Startup // the meters exist (at 0) from the start, not from the first use
@ApplicationScoped
public class SyncMetrics {

    /** Every reason the consumer dead-letters for (EventSync): unparsable, retries used up, refused by the portal. */
    static final String[] DEAD_LETTER_REASONS = {"poison", "exhausted", "rejected"};

    private final MeterRegistry registry;
    private final Counter failures;
    private final Counter retries;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.failures = Counter.builder("website.sync.failures").description("Sync operations that failed")
                .register(registry);
        this.retries = Counter.builder("website.sync.retries").description("Portal calls beyond the first")
                .register(registry);
        // registered at 0 from the start: Prometheus's increase() takes a series' first sample as its base, so the
        // first dead letter after a start would not count if it created the series
        for (String reason : DEAD_LETTER_REASONS) {
            deadLetters(reason);
        }
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
        deadLetters(reason).increment();
    }

    private Counter deadLetters(String reason) {
        return Counter.builder("website.sync.dead.letters").description("Records sent to website-sync-dlq")
                .tag("reason", reason).register(registry);
    }
}
