package org.hlf.mentor.support.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The APIs speak only JSON, and several POSTs have an optional body: a call without a body, or without a
 * Content-Type (a plain {@code curl -X POST}), is read as JSON instead of being refused with 415.
 */
public class JsonByDefault {

    @ServerRequestFilter(preMatching = true)
    public void assumeJson(ContainerRequestContext request) {
        boolean hasBody = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean empty = request.getHeaderString("Transfer-Encoding") == null
                && (length == null || "0".equals(length.trim()));
        if (hasBody && (empty || request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
