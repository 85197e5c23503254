package org.hlf.mentor.sync.write;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hlf.mentor.sync.alert.ConsecutiveFailures;
import org.hlf.mentor.sync.audit.SyncLog;
import org.hlf.mentor.sync.audit.SyncLogEntry.Action;
import org.hlf.mentor.sync.audit.SyncLogEntry.Outcome;
import org.hlf.mentor.sync.audit.SyncLogEntry;
import org.hlf.mentor.sync.portal.PortalClient;
import org.hlf.mentor.sync.portal.PortalRejected;
import org.hlf.mentor.sync.state.SyncState;
import org.hlf.mentor.sync.state.SyncStateRepository;
import org.jboss.logging.Logger;

/**
 * The one place a portal result is recorded: the conditional state update and the audit rows, in the write's
 * transaction; metrics and alerts once it has committed.
 */
@ApplicationScoped
public class WriteBookkeeping {

    private static final Logger LOG = Logger.getLogger(WriteBookkeeping.class);

    private final SyncStateRepository states;
    private final SyncLog log;
    private final SyncMetrics metrics;
    private final ConsecutiveFailures alerts;

    public WriteBookkeeping(SyncStateRepository states, SyncLog log, SyncMetrics metrics,
            ConsecutiveFailures alerts) {
        this.states = states;
        this.log = log;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    /** One request of a round: the state it was decided from and the decision. */
    record Planned(WriteRequest request, SyncState state, WriteDecision decision, boolean redo) {
    }

    /** What a round settled, and the requests whose status changed while they were written. */
    record Recorded(List<WriteResult> settled, List<WriteRequest> basisChanged, List<WriteResult> unsettled) {
    }

    Uni<Recorded> record(SqlConnection conn, List<Planned> plans, List<Applied> applied) {
        Map<UUID, Applied> byMentor = new HashMap<>();
        applied.forEach(a -> byMentor.put(a.change().mentorId(), a));
        List<SyncStateRepository.Outcome> written = new ArrayList<>();
        List<SyncStateRepository.Outcome> failed = new ArrayList<>();
        for (Planned plan : plans) {
            Applied result = byMentor.get(plan.request().mentorId());
            if (result == null || plan.state() == null) {
                continue;
            }
            SyncStateRepository.Outcome outcome = new SyncStateRepository.Outcome(plan.request().mentorId(),
                    result.change().visible(), result.attempts(),
                    result.succeeded() ? null : PortalClient.describe(result.failure()), plan.decision().basis());
            (result.succeeded() ? written : failed).add(outcome);
        }
        return states.recordWritten(conn, written).chain(stored -> states.recordFailed(conn, failed)
                .chain(storedFailures -> {
                    Recorded recorded = settle(plans, byMentor, stored, storedFailures);
                    return log.write(conn, entries(plans, byMentor, stored, storedFailures)).replaceWith(recorded);
                }));
    }

    private static Recorded settle(List<Planned> plans, Map<UUID, Applied> byMentor, Set<UUID> stored,
            Set<UUID> storedFailures) {
        List<WriteResult> settled = new ArrayList<>();
        List<WriteRequest> again = new ArrayList<>();
        List<WriteResult> unsettled = new ArrayList<>();
        for (Planned plan : plans) {
            UUID id = plan.request().mentorId();
            String status = plan.state() == null ? null : plan.state().lastStatus();
            Applied result = byMentor.get(id);
            if (result == null) {
                settled.add(new WriteResult(id, plan.decision().settled(), null, status, null, plan.redo()));
            } else if (plan.state() == null || stored.contains(id) || storedFailures.contains(id)) {
                WriteResult.Kind kind = result.succeeded() ? WriteResult.Kind.WRITTEN : WriteResult.Kind.FAILED;
                settled.add(new WriteResult(id, kind, result.change().visible(), status, result, plan.redo()));
            } else if (result.succeeded()) {
                again.add(plan.request());
                unsettled.add(new WriteResult(id, WriteResult.Kind.UNSETTLED, result.change().visible(), status,
                        result, plan.redo()));
            } else {
                settled.add(new WriteResult(id, WriteResult.Kind.SUPERSEDED, null, status, result, plan.redo()));
            }
        }
        return new Recorded(settled, again, unsettled);
    }

    private static List<SyncLogEntry> entries(List<Planned> plans, Map<UUID, Applied> byMentor, Set<UUID> stored,
            Set<UUID> storedFailures) {
        List<SyncLogEntry> entries = new ArrayList<>();
        for (Planned plan : plans) {
            UUID id = plan.request().mentorId();
            Cause cause = plan.request().cause();
            Applied result = byMentor.get(id);
            SyncLogEntry.Builder entry;
            if (result == null) {
                WriteResult.Kind kind = plan.decision().settled();
                if (kind == WriteResult.Kind.ALREADY_IN_SYNC) {
                    entry = SyncLogEntry.of(id, Action.SKIP, Outcome.ALREADY_IN_SYNC, cause.source());
                } else if (kind == WriteResult.Kind.NOT_ACTIVE) {
                    entry = SyncLogEntry.of(id, Action.RESTORE, Outcome.REFUSED, cause.source())
                            .error("last known status is " + plan.state().lastStatus() + ", not ACTIVE");
                } else {
                    continue;
                }
            } else {
                boolean kept = plan.state() == null || stored.contains(id) || storedFailures.contains(id);
                Outcome outcome = result.succeeded() ? (kept ? Outcome.APPLIED : Outcome.DISCARDED)
                        : cause.deadLettered() && kept ? Outcome.DEAD_LETTERED : Outcome.FAILED;
                String detail = result.succeeded()
                        ? (kept ? null : "the status changed while writing; written again from the newer status")
                        : PortalClient.describe(result.failure()) + (kept ? "" : " (the status changed meanwhile)");
                entry = SyncLogEntry.of(id, SyncLogEntry.actionFor(result.change().visible()), outcome, cause.source())
                        .error(detail).attempts(result.attempts()).durationMs(result.durationMs())
                        .failure(result.succeeded() ? null
                                : result.failure() instanceof PortalRejected ? "REJECTED" : "UNAVAILABLE");
            }
            entries.add(entry.event(cause.eventId(), cause.eventVersion()).actor(cause.actor()).build());
        }
        return entries;
    }

    /** Counted once the outcome is durable: a rolled-back write is redone, not counted twice. */
    void afterCommit(List<WriteResult> results) {
        for (WriteResult result : results) {
            if (result.applied() != null) {
                metrics.retried(result.applied().attempts() - 1);
            }
            if (result.redone()) {
                metrics.synced("redone");
            }
            switch (result.kind()) {
                case WRITTEN -> {
                    metrics.synced("applied");
                    alerts.success();
                }
                case FAILED -> {
                    String detail = PortalClient.describe(result.applied().failure());
                    LOG.warnf("portal write for mentor %s failed after %d attempt(s): %s", result.mentorId(),
                            result.applied().attempts(), detail);
                    metrics.failed();
                    alerts.failure();
                }
                case ALREADY_IN_SYNC -> metrics.synced("already_in_sync");
                case NOT_ACTIVE -> metrics.synced("refused");
                case SUPERSEDED, UNSETTLED -> metrics.synced("superseded");
                case UNKNOWN -> metrics.synced("unknown");
            }
        }
    }
}
