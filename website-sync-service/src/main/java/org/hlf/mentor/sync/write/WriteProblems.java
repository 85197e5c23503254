package org.hlf.mentor.sync.write;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.support.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The manual write operations' refusals as application/problem+json. */
public class WriteProblems {

    @ServerExceptionMapper
    public Response notActive(NotActive e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).with("mentorId", e.mentorId())
                .with("currentStatus", e.currentStatus()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownMentor(UnknownMentor e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    /** Another write for this mentor holds its lock; the caller may simply try again shortly. */
    @ServerExceptionMapper
    public Response writeInProgress(WriteInProgress e) {
        return Response.fromResponse(Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, 5).build();
    }
}
