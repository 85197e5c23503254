package org.hlf.mentor.sync.write;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.portal.PortalUnavailable;
import org.hlf.mentor.sync.state.SyncState;
import org.hlf.mentor.sync.state.SyncStateRepository;

/**
 * What ops do by hand: hide now, restore now, retry; each through the one write path, waiting a bounded time for a
 * write already in progress. A portal failure is the caller's answer, not a dead letter.
 */
@ApplicationScoped
public class ManualVisibility {

    /** PostgreSQL's lock_not_available: lock_timeout passed. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final VisibilityWrites writes;
    private final SyncStateRepository states;
    private final SyncConfig config;

    public ManualVisibility(VisibilityWrites writes, SyncStateRepository states, SyncConfig config) {
        this.writes = writes;
        this.states = states;
        this.config = config;
    }

    /** Answers the state afterwards; empty when the mentor has never been heard of (it is hidden all the same). */
    public Uni<Optional<SyncState>> hide(UUID mentorId, String actor) {
        return write(new WriteRequest(mentorId, Intent.HIDE, true, Cause.of(Source.API, actor)));
    }

    /** Refused ({@link NotActive}) unless the last known status is ACTIVE when the portal is written. */
    public Uni<Optional<SyncState>> restore(UUID mentorId, String actor) {
        return write(new WriteRequest(mentorId, Intent.SHOW, true, Cause.of(Source.API, actor)));
    }

    /** Writes what the last known status asks for again, whatever the state says the portal shows. */
    public Uni<Optional<SyncState>> retry(UUID mentorId, String actor) {
        return write(WriteRequest.sync(mentorId, true, Cause.of(Source.API, actor)));
    }

    private Uni<Optional<SyncState>> write(WriteRequest request) {
        UUID id = request.mentorId();
        return writes.apply(List.of(request), WriteLimits.manual(config))
                .onFailure(ManualVisibility::lockTimedOut).transform(e -> new WriteInProgress(id))
                .chain(results -> {
                    WriteResult result = results.get(0);
                    String status = result.lastStatus() == null ? "UNKNOWN" : result.lastStatus();
                    return switch (result.kind()) {
                        case FAILED -> Uni.createFrom().failure(result.applied().failure() instanceof PortalException p
                                ? p : PortalUnavailable.transport(result.applied().failure()));
                        case UNKNOWN -> Uni.createFrom().failure(request.intent() == Intent.SHOW
                                ? notActive(id, status) : new UnknownMentor(id));
                        case NOT_ACTIVE -> Uni.createFrom().failure(notActive(id, status));
                        default -> request.intent() == Intent.SHOW && !Boolean.TRUE.equals(result.visible())
                                ? states.find(id).chain(now -> Uni.createFrom().failure(notActive(id,
                                        now.map(SyncState::lastStatus).orElse(status))))
                                : states.find(id);
                    };
                });
    }

    private static NotActive notActive(UUID mentorId, String status) {
        return new NotActive(mentorId, status, "Mentor " + mentorId + " is not ACTIVE (last known status " + status
                + "): only an active mentor may be shown on the website");
    }

    private static boolean lockTimedOut(Throwable failure) {
        return failure instanceof PgException pg && LOCK_NOT_AVAILABLE.equals(pg.getSqlState());
    }
}
