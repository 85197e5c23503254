package org.hlf.mentor.sync.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.hlf.mentor.sync.config.SyncConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses an oversized body before it is read: every call of this API has a small one. */
public class BodySizeFilter {

    private final SyncConfig config;

    public BodySizeFilter(SyncConfig config) {
        this.config = config;
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
        long limit = config.api().maxBodyBytes();
        return size > limit ? Problem.of(Response.Status.BAD_REQUEST,
                "Request body of %d bytes is larger than the %d bytes this API accepts".formatted(size, limit))
                .toResponse() : null;
    }
}
