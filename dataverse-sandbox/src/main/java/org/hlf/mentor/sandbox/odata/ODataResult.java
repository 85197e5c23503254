package org.hlf.mentor.sandbox.odata;

import jakarta.ws.rs.core.Response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the data API, independent of transport: a top-level call turns it into a JAX-RS
 * response, a {@code $batch} writes it into its multipart answer. Both must look the same on the wire.
 */
public record ODataResult(int status, Map<String, String> headers, String contentType, String body) {

    public static final String JSON = "application/json; odata.metadata=minimal";

    public ODataResult {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static ODataResult noContent(Map<String, String> headers) {
        return new ODataResult(204, headers, null, null);
    }

    public static ODataResult json(int status, Map<String, String> headers, String body) {
        return new ODataResult(status, headers, JSON, body);
    }

    public boolean failed() {
        return status >= 400;
    }

    public ODataResult withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ODataResult(status, more, contentType, body);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).header("OData-Version", "4.0");
        headers.forEach(builder::header);
        if (body != null) {
            builder.entity(body).type(contentType);
        }
        return builder.build();
    }
}
