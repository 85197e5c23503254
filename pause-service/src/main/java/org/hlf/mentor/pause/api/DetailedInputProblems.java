package org.hlf.mentor.pause.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hlf.mentor.support.api.InputProblems;
import org.hlf.mentor.support.api.Problem;

/**
 * Bad input as this API has always answered it, in more detail than the shared brief form: each violation listed as
 * {@code field} and {@code message} ({@code violations}), and the JSON path of an unreadable body named.
 */
@ApplicationScoped
public class DetailedInputProblems implements InputProblems {

    @Override
    public Problem unreadable(JsonMappingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "Unreadable JSON at " + path(e) + ": " + e.getOriginalMessage());
    }

    @Override
    public Problem invalid(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(v -> violation(field(v), v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .collect(Collectors.toList());
        return Problem.of(Response.Status.BAD_REQUEST, "The request is invalid: " + violations.stream()
                .map(v -> v.get("field") + " " + v.get("message")).collect(Collectors.joining("; ")))
                .with("violations", violations);
    }

    /** Always "field" before "message": Map.of would order them differently from one JVM start to the next. */
    private static Map<String, String> violation(String field, String message) {
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("message", message);
        return violation;
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "pause.body.reason" -> "reason": the method and parameter names mean nothing to a caller
        int dot = path.indexOf(".body.");
        if (dot >= 0) {
            return path.substring(dot + ".body.".length());
        }
        int last = path.lastIndexOf('.');
        return last >= 0 ? path.substring(last + 1) : path;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }
}
