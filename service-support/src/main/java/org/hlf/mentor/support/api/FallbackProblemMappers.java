package org.hlf.mentor.support.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What no more specific mapper answers, as application/problem+json: JAX-RS' own errors (unknown path, method,
 * media type) keep their status; anything else is a 500 that is logged, and says nothing of the cause to the caller.
 */
public class FallbackProblemMappers {

    private static final Logger LOG = Logger.getLogger(FallbackProblemMappers.class);

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
        LOG.error("unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Internal error").toResponse();
    }
}
