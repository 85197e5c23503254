package org.hlf.mentor.support.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.support.db.TransientDbFailures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What no more specific mapper answers, as application/problem+json: JAX-RS' own errors (unknown path, method,
 * media type) keep their status; the database being unreachable (down, restarting, failing over) is a 503 with
 * Retry-After, so clients and load balancers wait and try again; anything else is a 500 that is logged, and says
 * nothing of the cause to the caller.
 */
public class FallbackProblemMappers {

    private static final Logger LOG = Logger.getLogger(FallbackProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    /** Keeps an Allow header the exception's answer has: RFC 9110 asks for it on a 405. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response problem = Problem.forStatus(status, status >= 500 ? "Internal error" : e.getMessage()).toResponse();
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (TransientDbFailures.transientFailure(e)) {
            LOG.warnf("answered 503, the database cannot be reached: %s", e.toString());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "Temporarily unavailable (the database cannot be reached); try again shortly.").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Internal error").toResponse();
    }
}
