package org.hlf.mentor.support.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem detail; extension members (currentStatus, violations...) are flattened into it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, new LinkedHashMap<>());
    }

    /** Titled with the status' reason phrase, or "HTTP 599" for a status JAX-RS has no name for. */
    public static Problem forStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return of(status, known != null ? known.getReasonPhrase() : "HTTP " + status, detail);
    }

    /** The same problem with a type URI of its own (and a title for that type) instead of about:blank. */
    public Problem typed(String typeUri, String typeTitle) {
        return new Problem(typeUri, typeTitle, status, detail, instance, extensions);
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
