package org.hlf.mentor.pause.api;

import jakarta.ws.rs.core.Response;
import org.hlf.mentor.pause.eligibility.PauseBlocked;
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

    /** Problem type of a pause refused because of open commitments (docs/pause-eligibility.md). */
    public static final String PAUSE_BLOCKED = "https://hlf.org/problems/pause-blocked";

    @ServerExceptionMapper
    public Response refused(TransitionRefused e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .with("mentorId", e.mentorId())
                .with("currentStatus", e.current())
                .with("allowedTargets", e.allowedTargets())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response blocked(PauseBlocked e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage())
                .typed(PAUSE_BLOCKED, "Pause blocked by open commitments")
                .with("mentorId", e.mentorId())
                .with("currentStatus", e.current())
                .with("blockers", e.eligibility().blockers())
                .with("warnings", e.eligibility().warnings())
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
