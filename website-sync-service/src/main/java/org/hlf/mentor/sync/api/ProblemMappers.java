package org.hlf.mentor.sync.api;

import jakarta.ws.rs.core.Response;
import org.hlf.mentor.support.api.Problem;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.portal.PortalRejected;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * This service's shared errors (nothing under an id, the portal failing) as application/problem+json (RFC 9457).
 * Bad input, tokens and roles are answered by service-support's mappers; each feature maps its own refusals.
 */
public class ProblemMappers {

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
