package org.hlf.mentor.sync.reconcile;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import org.hlf.mentor.sync.config.SyncConfig;
import org.jboss.logging.Logger;

/**
 * Starts reconciliation runs and carries them to their end in the background: the caller gets the run at once
 * (202), the run's row says how far it got, a heartbeat proves it is alive, and the end is DONE or FAILED.
 */
@ApplicationScoped
public class ReconcileJob {

    private static final Logger LOG = Logger.getLogger(ReconcileJob.class);

    private final ReconcileRuns runs;
    private final Reconciliation reconciliation;
    private final ReconcileMetrics metrics;
    private final SyncConfig.Reconcile config;

    public ReconcileJob(ReconcileRuns runs, Reconciliation reconciliation, ReconcileMetrics metrics,
            SyncConfig config) {
        this.runs = runs;
        this.reconciliation = reconciliation;
        this.metrics = metrics;
        this.config = config.reconcile();
    }

    /** Opens a run and starts it; fails with {@link AlreadyRunning} while another one runs. */
    public Uni<ReconcileRun> start(String chapterId, String trigger, String startedBy) {
        return runs.start(chapterId, trigger, startedBy, config.abandonAfter()).invoke(this::launch);
    }

    private void launch(ReconcileRun run) {
        LOG.infof("reconciliation %s started (%s, chapter %s)", run.runId(), run.trigger(),
                run.chapterId() == null ? "all" : run.chapterId());
        ReconcileCounts counts = new ReconcileCounts();
        Cancellable heartbeat = Multi.createFrom().ticks().every(config.heartbeat())
                .onItem().transformToUniAndConcatenate(tick -> runs.progress(run.runId(), counts)
                        .onFailure().recoverWithNull())
                .subscribe().with(ignored -> { });
        Uni.createFrom().deferred(() -> reconciliation.run(run, counts))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    heartbeat.cancel();
                    String state = failure == null ? ReconcileRun.DONE : ReconcileRun.FAILED;
                    if (failure != null) {
                        LOG.errorf(failure, "reconciliation %s failed", run.runId());
                    }
                    counts.phase = ReconcileRun.DONE;
                    return runs.finish(run.runId(), counts, state, failure == null ? null : describe(failure));
                })
                .subscribe().with(finished -> {
                    metrics.finished(finished);
                    LOG.infof("reconciliation %s %s: checked %d, in sync %d, drifted %d, repaired %d, missing in "
                            + "portal %d, unknown to pause-service %d, failed %d, portal requests %d",
                            finished.runId(), finished.state(), finished.checked(), finished.inSync(),
                            finished.drifted(), finished.repaired(), finished.missingInPortal(),
                            finished.unknownToPauseService(), finished.failed(), finished.portalRequests());
                }, failure -> LOG.errorf(failure, "reconciliation %s could not record its end; it will be "
                        + "taken as abandoned", run.runId()));
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
