package org.hlf.mentor.sync.write;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hlf.mentor.support.api.Ids;
import org.hlf.mentor.support.api.QueryParams;
import org.hlf.mentor.sync.api.NotFound;
import org.hlf.mentor.sync.audit.SyncLog;
import org.hlf.mentor.sync.audit.SyncLogEntry;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.security.Caller;
import org.hlf.mentor.sync.state.SyncState;
import org.hlf.mentor.sync.state.SyncStateRepository;

/** One mentor's website sync: status, audit log, and the manual operations of ops. */
@Path("/api/v1/website-sync/{mentorId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebsiteSyncResource {

    private final ManualVisibility manual;
    private final SyncStateRepository states;
    private final SyncLog log;
    private final Caller caller;
    private final SyncConfig config;

    public WebsiteSyncResource(ManualVisibility manual, SyncStateRepository states, SyncLog log, Caller caller,
            SyncConfig config) {
        this.manual = manual;
        this.states = states;
        this.log = log;
        this.caller = caller;
        this.config = config;
    }

    /** {@code true} is refused (409) unless the last known status is ACTIVE. */
    @POST
    @Path("/sync-visibility")
    @RolesAllowed({"ops", "admin"})
    public Uni<SyncStatusView> syncVisibility(@PathParam("mentorId") String mentorId,
            @Valid @NotNull VisibilityRequest body) {
        UUID id = Ids.mentorId(mentorId);
        return view(id, body.isVisible() ? manual.restore(id, caller.id()) : manual.hide(id, caller.id()));
    }

    @POST
    @Path("/hide")
    @RolesAllowed({"ops", "admin"})
    public Uni<SyncStatusView> hide(@PathParam("mentorId") String mentorId) {
        UUID id = Ids.mentorId(mentorId);
        return view(id, manual.hide(id, caller.id()));
    }

    @POST
    @Path("/restore")
    @RolesAllowed({"ops", "admin"})
    public Uni<SyncStatusView> restore(@PathParam("mentorId") String mentorId) {
        UUID id = Ids.mentorId(mentorId);
        return view(id, manual.restore(id, caller.id()));
    }

    @POST
    @Path("/retry")
    @RolesAllowed({"ops", "admin"})
    public Uni<SyncStatusView> retry(@PathParam("mentorId") String mentorId) {
        UUID id = Ids.mentorId(mentorId);
        return view(id, manual.retry(id, caller.id()));
    }

    /** A coordinator sees mentors of their own chapters only; others are answered as unknown. */
    @GET
    @Path("/status")
    @RolesAllowed({"ops", "admin", "coordinator"})
    public Uni<SyncStatusView> status(@PathParam("mentorId") String mentorId) {
        UUID id = Ids.mentorId(mentorId);
        Set<String> scope = caller.chapterScope();
        return states.findInChapters(id, scope).map(state -> state.map(SyncStatusView::of)
                .orElseThrow(() -> new NotFound("No sync state for mentor " + id)));
    }

    @GET
    @Path("/log")
    @RolesAllowed({"ops", "admin"})
    public Uni<List<SyncLogEntry>> log(@PathParam("mentorId") String mentorId, @QueryParam("limit") String limit) {
        UUID id = Ids.mentorId(mentorId);
        return log.forMentor(id, QueryParams.limit(limit, 100, config.api().maxPageSize()));
    }

    /** A mentor never seen in an event can still be hidden; the answer then says so. */
    private static Uni<SyncStatusView> view(UUID id, Uni<Optional<SyncState>> after) {
        return after.map(state -> state.map(SyncStatusView::of).orElseGet(() -> new SyncStatusView(id, null, null,
                false, false, "UNTRACKED", 0, null, null, 0, null)));
    }
}
