package org.hlf.mentor.sync.sync;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hlf.mentor.sync.api.NotFound;
import org.hlf.mentor.sync.api.Refused;
import org.hlf.mentor.sync.audit.SyncLog;
import org.hlf.mentor.sync.audit.SyncLogEntry;
import org.hlf.mentor.sync.portal.PortalClient;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.portal.PortalUnavailable;
import org.hlf.mentor.sync.portal.VisibilityChange;

/**
 * What ops do by hand: hide now, restore now, retry. Nothing here makes a mentor visible unless the last known
 * status is ACTIVE. Every call is audited with the caller; a portal failure is the caller's answer, not a dead letter.
 */
@ApplicationScoped
public class ManualSync {

    private final SyncStateRepository states;
    private final PortalWriter writer;
    private final SyncLog log;
    private final SyncMetrics metrics;

    public ManualSync(SyncStateRepository states, PortalWriter writer, SyncLog log, SyncMetrics metrics) {
        this.states = states;
        this.writer = writer;
        this.log = log;
        this.metrics = metrics;
    }

    /** Answers the state afterwards; empty when the mentor has never been seen in an event. */
    public Uni<Optional<SyncState>> hide(UUID mentorId, String actor) {
        return states.find(mentorId).onItem().transformToUni(state -> apply(mentorId, false, state, actor));
    }

    public Uni<Optional<SyncState>> restore(UUID mentorId, String actor) {
        return states.find(mentorId).onItem().transformToUni(state -> {
            String status = state.map(SyncState::lastStatus).orElse("UNKNOWN");
            if (!"ACTIVE".equals(status)) {
                return Uni.createFrom().failure(new Refused(mentorId, status,
                        "Mentor " + mentorId + " is not ACTIVE (last known status " + status
                                + "): only an active mentor may be shown on the website"));
            }
            return apply(mentorId, true, state, actor);
        });
    }

    /** Pushes what the website should show again, whatever happened to the last attempt. */
    public Uni<Optional<SyncState>> retry(UUID mentorId, String actor) {
        return states.find(mentorId).onItem().transformToUni(state -> state.isEmpty()
                ? Uni.createFrom().failure(new NotFound("No sync state for mentor " + mentorId))
                : apply(mentorId, state.get().desiredVisible(), state, actor));
    }

    private Uni<Optional<SyncState>> apply(UUID mentorId, boolean visible, Optional<SyncState> state, String actor) {
        VisibilityChange change = new VisibilityChange(mentorId, visible);
        return writer.single(change).onItem().transformToUni(applied -> {
            SyncState known = state.orElse(null);
            SyncLogEntry entry = SyncLogEntry.of(mentorId, SyncLogEntry.actionFor(visible),
                    applied.succeeded() ? SyncLogEntry.Outcome.APPLIED : SyncLogEntry.Outcome.FAILED,
                    applied.succeeded() ? null : PortalClient.describe(applied.failure()), applied.attempts(),
                    known == null ? null : known.lastEventId(), known == null ? null : known.lastEventVersion(),
                    Source.API.name(), actor, applied.durationMs());
            metrics.retried(applied.attempts() - 1);
            if (applied.succeeded()) {
                metrics.synced("applied");
            } else {
                metrics.failed();
            }
            Uni<Void> stored = applied.succeeded() ? states.synced(List.of(applied)) : states.failed(List.of(applied));
            return stored.chain(() -> log.write(entry))
                    .chain(() -> applied.succeeded() ? states.find(mentorId)
                            : Uni.createFrom().failure(applied.failure() instanceof PortalException
                                    ? applied.failure() : PortalUnavailable.transport(applied.failure())));
        });
    }
}
