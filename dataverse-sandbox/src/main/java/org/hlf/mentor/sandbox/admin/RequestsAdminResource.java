package org.hlf.mentor.sandbox.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hlf.mentor.sandbox.requestlog.RequestLog;
import org.hlf.mentor.sandbox.requestlog.RequestLogEntry;

import java.util.List;
import java.util.function.Predicate;

/** The request log: every token and data call, a $batch with one entry per operation after its own. */
@Path("/sandbox/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestsAdminResource {

    private final RequestLog log;

    public RequestsAdminResource(RequestLog log) {
        this.log = log;
    }

    @GET
    public List<RequestLogEntry> list(@QueryParam("mentorId") String mentorId, @QueryParam("clientId") String clientId) {
        Predicate<RequestLogEntry> filter = entry -> true;
        if (mentorId != null && !mentorId.isBlank()) {
            String wanted = MentorIdParam.parse(mentorId.trim()).toString();
            filter = filter.and(entry -> wanted.equals(entry.mentorId()));
        }
        if (clientId != null && !clientId.isBlank()) {
            filter = filter.and(entry -> clientId.equals(entry.clientId()));
        }
        return log.find(filter);
    }

    @DELETE
    public void clear() {
        log.clear();
    }
}
