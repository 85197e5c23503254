package org.hlf.mentor.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad input of any kind as a 400 application/problem+json (RFC 9457); the service's {@link InputProblems} words it. */
public class InputProblemMappers {

    private final InputProblems problems;

    public InputProblemMappers(InputProblems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
    }

    /** Quarkus maps this subtype itself, as a plain JSON report: this mapper is more specific and answers instead. */
    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return problems.invalid(e).toResponse();
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
        return problems.unreadable(e).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage()).toResponse();
    }
}
