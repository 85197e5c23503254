package org.hlf.mentor.pause.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every answer carries X-Request-Id: the caller's, when it sent a sane one, else a new one; the audit keeps it. */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "hlf.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public static String requestId(RoutingContext routing) {
        String id = routing.get(KEY);
        if (id == null) {
            String sent = routing.request().getHeader(HEADER);
            id = sent != null && SANE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
            routing.put(KEY, id);
        }
        return id;
    }

    @ServerResponseFilter
    public void addHeader(ContainerResponseContext response, RoutingContext routing) {
        response.getHeaders().putSingle(HEADER, requestId(routing));
    }
}
