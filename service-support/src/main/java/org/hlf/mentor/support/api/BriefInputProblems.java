package org.hlf.mentor.support.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/** Names what failed in the detail only: each violation as "field message", fields by their last path segment. */
@DefaultBean
@ApplicationScoped
public class BriefInputProblems implements InputProblems {

    @Override
    public Problem unreadable(JsonMappingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "Unreadable JSON: " + e.getOriginalMessage());
    }

    @Override
    public Problem invalid(ConstraintViolationException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request is invalid: " + e.getConstraintViolations().stream()
                .map(v -> field(v.getPropertyPath().toString()) + " " + v.getMessage()).sorted()
                .collect(Collectors.joining("; ")));
    }

    private static String field(String path) {
        int last = path.lastIndexOf('.');
        return last >= 0 ? path.substring(last + 1) : path;
    }
}
