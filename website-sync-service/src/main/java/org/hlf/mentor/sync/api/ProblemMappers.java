package org.hlf.mentor.sync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import jakarta.ws.rs.core.UriInfo;
import org.hlf.mentor.sync.portal.PortalException;
import org.hlf.mentor.sync.portal.PortalRejected;
import org.hlf.mentor.sync.reconcile.AlreadyRunning;
import org.hlf.mentor.sync.write.NotActive;
import org.hlf.mentor.sync.write.UnknownMentor;
import org.hlf.mentor.sync.write.WriteInProgress;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the API as application/problem+json (RFC 9457). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
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

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request is invalid: " + e.getConstraintViolations().stream()
                .map(v -> field(v.getPropertyPath().toString()) + " " + v.getMessage()).sorted()
                .collect(Collectors.joining("; "))).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "Unknown field '" + e.getPropertyName()
                + "'; accepted fields: " + e.getKnownPropertyIds()).toResponse();
    }

    /** Also replaces Quarkus' built-in mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response badJson(JsonMappingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "Unreadable JSON: " + e.getOriginalMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage()).toResponse();
    }

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

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.of(status, known != null ? known.getReasonPhrase() : "HTTP " + status,
                status >= 500 ? "Internal error" : e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Internal error").toResponse();
    }

    private static String field(String path) {
        int last = path.lastIndexOf('.');
        return last >= 0 ? path.substring(last + 1) : path;
    }
}
