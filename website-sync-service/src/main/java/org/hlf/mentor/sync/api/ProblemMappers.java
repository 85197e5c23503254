package org.hlf.mentor.sync.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hlf.mentor.support.api.Problem;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.portal.PortalRejected;
import org.hlf.mentor.sync.reconcile.AlreadyRunning;
import org.hlf.mentor.sync.write.NotActive;
import org.hlf.mentor.sync.write.UnknownMentor;
import org.hlf.mentor.sync.write.WriteInProgress;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * This API's own errors as application/problem+json (RFC 9457). Bad input, tokens, roles and everything else are
 * answered by service-support's mappers.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response notActive(NotActive e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).with("mentorId", e.mentorId())
                .with("currentStatus", e.currentStatus()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownMentor(UnknownMentor e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response writeInProgress(WriteInProgress e) {
        return Response.fromResponse(Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, 5).build();
    }

    @ServerExceptionMapper
    public Response alreadyRunning(AlreadyRunning e, UriInfo uri) {
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("runId", e.runId()).toResponse());
        if (e.runId() != null) {
            answer.location(uri.getBaseUriBuilder().path(ReconcileResource.PATH).path(e.runId().toString()).build());
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    /** The portal, not this service, failed: 404 when it has no such contact, 502 otherwise. */
    @ServerExceptionMapper
    public Response portal(PortalException e) {
        if (e instanceof PortalRejected && e.status() == 404) {
            return Problem.of(Response.Status.NOT_FOUND, "The portal has no contact for this mentor: " + e.describe())
                    .toResponse();
        }
        return Problem.of(502, "Bad Gateway", "The portal call failed: " + e.describe())
                .with("portalStatus", e.status()).toResponse();
    }
}
