package org.hlf.mentor.pause.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized body before it is read or bound: a single-mentor call is small, only the roster import
 * may be large. (The HTTP layer's own limit stays above both, as the last line.)
 */
public class BodySizeFilter {

    private final PauseConfig config;

    public BodySizeFilter(PauseConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkSize(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return null;
        }
        long limit = request.path().endsWith("/mentors/import") ? config.api().maxImportBodyBytes()
                : config.api().maxBodyBytes();
        long size;
        try {
            size = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "Content-Length is not a number").toResponse();
        }
        if (size > limit) {
            return Problem.of(Response.Status.BAD_REQUEST,
                    "Request body of %d bytes is larger than the %d bytes this endpoint accepts".formatted(size, limit))
                    .with("maxBodyBytes", limit).toResponse();
        }
        return null;
    }
}
