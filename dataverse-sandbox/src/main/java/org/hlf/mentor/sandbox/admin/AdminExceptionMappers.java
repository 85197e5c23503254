package org.hlf.mentor.sandbox.admin;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.sandbox.faults.InvalidFaultException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns refused admin input into problem documents. The data API never gets here: it parses its own bodies
 * and answers in the OData error shape.
 */
public class AdminExceptionMappers {

    // Quarkus ships mappers for the specific Jackson exceptions that answer with an empty body; the most
    // specific mapper wins, so each of those types needs its own mapper here
    @ServerExceptionMapper
    public Response unparsable(JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "The body is not the JSON this endpoint expects: "
                + e.getOriginalMessage());
    }

    /** Quarkus wraps syntax errors in the body into a bare 400; give it the problem document. */
    @ServerExceptionMapper
    public Response wrapped(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response refused(AdminRequestException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), e.errors().isEmpty() ? null : e.errors());
    }

    @ServerExceptionMapper
    public Response invalidFault(InvalidFaultException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "The fault rule cannot be applied.", e.problems());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }
}
