package org.hlf.mentor.sync.reconcile;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.support.api.Ids;
import org.hlf.mentor.support.api.QueryParams;
import org.hlf.mentor.sync.api.NotFound;
import org.hlf.mentor.sync.security.Caller;

/**
 * Reconciliation runs for ops: start one (pause-service's roster vs the sync state vs the portal, repairs through
 * the one write path), follow it, list the recent ones.
 */
@Path(ReconcileResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class ReconcileResource {

    static final String PATH = "/api/v1/website-sync/reconcile";

    private final ReconcileJob job;
    private final ReconcileRuns runs;
    private final Caller caller;

    public ReconcileResource(ReconcileJob job, ReconcileRuns runs, Caller caller) {
        this.job = job;
        this.runs = runs;
        this.caller = caller;
    }

    /** 202 with the run and its Location; 409 (with the running run's Location) while one runs. */
    @POST
    public Uni<Response> start(@QueryParam("chapterId") String chapterId, @Context UriInfo uri) {
        String chapter = QueryParams.optionalChapterId(chapterId);
        return job.start(chapter, "API", caller.id()).map(run -> Response.accepted(run)
                .location(uri.getBaseUriBuilder().path(PATH).path(run.runId().toString()).build()).build());
    }

    @GET
    @Path("/{runId}")
    public Uni<ReconcileRun> run(@PathParam("runId") String runId) {
        UUID id = Ids.uuid("runId", runId);
        return runs.find(id).map(run -> run.orElseThrow(() -> new NotFound("No reconciliation run " + id)));
    }

    /** The newest runs first. */
    @GET
    public Uni<List<ReconcileRun>> recent(@QueryParam("limit") String limit) {
        return runs.recent(QueryParams.limit(limit, 20, 100));
    }
}
