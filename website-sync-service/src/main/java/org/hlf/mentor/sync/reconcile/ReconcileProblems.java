package org.hlf.mentor.sync.reconcile;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hlf.mentor.support.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A second start while a run is going: 409 that points at the running run. */
public class ReconcileProblems {

    @ServerExceptionMapper
    public Response alreadyRunning(AlreadyRunning e, UriInfo uri) {
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("runId", e.runId()).toResponse());
        if (e.runId() != null) {
            answer.location(uri.getBaseUriBuilder().path(ReconcileResource.PATH).path(e.runId().toString()).build());
        }
        return answer.build();
    }
}
