package org.hlf.mentor.support.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized body before it is read or bound, against the service's {@link BodyLimits}. (The HTTP layer's
 * own limit stays above them all, as the last line, and covers bodies sent without a Content-Length.)
 */
public class BodySizeFilter {

    private final BodyLimits limits;

    public BodySizeFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkSize(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return null;
        }
        long size;
        try {
            size = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "Content-Length is not a number").toResponse();
        }
        long limit = limits.maxBytes(request.path());
        return size > limit ? limits.tooLarge(size, limit).toResponse() : null;
    }
}
