package org.hlf.mentor.pause.api;

import jakarta.ws.rs.core.Response;
import org.hlf.mentor.pause.idempotency.IdempotencyMismatch;
import org.hlf.mentor.pause.status.MentorNotFound;
import org.hlf.mentor.pause.status.TransitionRefused;
import org.hlf.mentor.support.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * This API's own errors as application/problem+json (RFC 9457). Bad input, tokens, roles and everything else are
 * answered by service-support's mappers.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(TransitionRefused e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("mentorId", e.mentorId())
                .with("currentStatus", e.current())
                .with("allowedTargets", e.allowedTargets())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(MentorNotFound e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response idempotencyMismatch(IdempotencyMismatch e) {
        return Problem.of(422, "Unprocessable Content", e.getMessage()).toResponse();
    }
}
