package org.hlf.mentor.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Refuses an oversized body before it is read or bound, against the service's {@link BodyLimits}. It runs on the HTTP
 * router ahead of everything that reads a body, so a body beyond the HTTP layer's own limit too gets the same
 * problem answer, not the layer's bare 413. (That limit stays as the last line for bodies sent without a
 * Content-Length.) The connection is closed, since the body it carries is not read.
 */
@ApplicationScoped
public class BodySizeFilter {

    /** Ahead of the REST layer's routes and of whatever else a service registers. */
    private static final int PRIORITY = 1000;

    private final BodyLimits limits;
    private final ObjectMapper json;

    public BodySizeFilter(BodyLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null) {
            context.next();
            return;
        }
        long size;
        try {
            size = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            refuse(context, Problem.of(Response.Status.BAD_REQUEST, "Content-Length is not a number"));
            return;
        }
        long limit = limits.maxBytes(context.request().path());
        if (size > limit) {
            refuse(context, limits.tooLarge(size, limit));
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
