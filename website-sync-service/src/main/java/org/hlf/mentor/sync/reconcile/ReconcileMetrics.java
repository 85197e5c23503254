package org.hlf.mentor.sync.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code website_sync_reconcile_runs_total{state}}, {@code website_sync_reconcile_drifted_total},
 * {@code website_sync_reconcile_repaired_total}, {@code website_sync_reconcile_failed_total},
 * {@code website_sync_reconcile_last_drifted} and {@code website_sync_reconcile_last_finished_seconds} (epoch).
 */
@Startup // the meters exist (at 0) from the start, not from the first use
@ApplicationScoped
public class ReconcileMetrics {

    private final MeterRegistry registry;
    private final Counter drifted;
    private final Counter repaired;
    private final Counter failed;
    private final AtomicLong lastDrifted = new AtomicLong();
    private final AtomicLong lastFinished = new AtomicLong();

    public ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.drifted = Counter.builder("website.sync.reconcile.drifted").description("Mentors found drifted")
                .register(registry);
        this.repaired = Counter.builder("website.sync.reconcile.repaired").description("Drifted mentors repaired")
                .register(registry);
        this.failed = Counter.builder("website.sync.reconcile.failed")
                .description("Mentors reconciliation could not check or repair").register(registry);
        Gauge.builder("website.sync.reconcile.last.drifted", lastDrifted, AtomicLong::get)
                .description("Drifted mentors found by the last finished run").register(registry);
        Gauge.builder("website.sync.reconcile.last.finished.seconds", lastFinished, AtomicLong::get)
                .description("When the last run finished (epoch seconds)").register(registry);
        // at 0 from the start, so that the first FAILED run after a start is an increase for the alert rules
        runs(ReconcileRun.DONE);
        runs(ReconcileRun.FAILED);
    }

    void finished(ReconcileRun run) {
        runs(run.state()).increment();
        drifted.increment(run.drifted());
        repaired.increment(run.repaired());
        failed.increment(run.failed());
        lastDrifted.set(run.drifted());
        lastFinished.set(run.finishedAt() == null ? 0 : run.finishedAt().getEpochSecond());
    }

    private Counter runs(String state) {
        return Counter.builder("website.sync.reconcile.runs").description("Reconciliation runs by how they ended")
                .tag("state", state).register(registry);
    }
}
