package org.hlf.mentor.support.api;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A missing or broken token (401, with the {@code WWW-Authenticate} challenge RFC 9110 asks for) and a role the
 * endpoint does not allow (403), as application/problem+json. The answers never say which check failed.
 */
public class AccessProblemMappers {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
        AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required")
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your role may not do this").toResponse();
    }
}
