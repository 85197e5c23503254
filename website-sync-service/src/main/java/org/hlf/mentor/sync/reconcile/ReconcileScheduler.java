package org.hlf.mentor.sync.reconcile;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Starts a run on the configured period ({@code hlf.sync.reconcile.every}; {@code off} disables it). Every replica
 * has the schedule; the one-running-run rule lets only one of them start.
 */
@ApplicationScoped
public class ReconcileScheduler {

    private static final Logger LOG = Logger.getLogger(ReconcileScheduler.class);

    private final ReconcileJob job;

    public ReconcileScheduler(ReconcileJob job) {
        this.job = job;
    }

    @Scheduled(every = "${hlf.sync.reconcile.every:1h}", delayed = "${hlf.sync.reconcile.initial-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return job.start(null, "SCHEDULE", null).replaceWithVoid()
                .onFailure(AlreadyRunning.class).recoverWithUni(running -> {
                    LOG.debugf("scheduled reconciliation skipped: %s", running.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
