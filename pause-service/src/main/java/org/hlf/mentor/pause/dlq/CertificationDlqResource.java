package org.hlf.mentor.pause.dlq;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.support.api.QueryParams;

/** certification-events-dlq for ops: list the dead letters, replay them (all, one mentor's, or a time range's). */
@Path("/api/v1/admin/certification-dlq")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"ops", "admin"})
@Tag(name = "admin")
public class CertificationDlqResource {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final CertificationDlqListing listing;
    private final CertificationDlqReplay replay;
    private final JsonWebToken caller;
    private final int maxPageSize;

    public CertificationDlqResource(CertificationDlqListing listing, CertificationDlqReplay replay,
            JsonWebToken caller, PauseConfig config) {
        this.listing = listing;
        this.replay = replay;
        this.caller = caller;
        this.maxPageSize = config.certification().dlq().maxPageSize();
    }

    @GET
    @Operation(summary = "Dead letters in (partition, offset) order, paged by cursor; remaining counts the rest")
    public Uni<DeadLetterPage> list(@QueryParam("mentorId") String mentorId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        DeadLetterFilter filter = filter(mentorId, QueryParams.instant("from", from), QueryParams.instant("to", to));
        LetterPosition after = present(cursor) ? LetterPosition.ofCursor(cursor) : null;
        return listing.page(filter, after, pageSize(limit));
    }

    /** Body optional: without one (or with {@code {}}) every dead letter is replayed. */
    @POST
    @Path("/replay")
    @Operation(summary = "Re-apply dead letters through the consumer's handler; each is applied at most once")
    public Uni<ReplayReport> replay(ReplayRequest body) {
        ReplayRequest request = body == null ? new ReplayRequest(null, null, null) : body;
        DeadLetterFilter filter = new DeadLetterFilter(request.mentorId(), request.from(), request.to());
        checkRange(filter);
        return replay.replay(filter, caller.getSubject());
    }

    private static DeadLetterFilter filter(String mentorId, Instant from, Instant to) {
        UUID mentor = QueryParams.optionalMentorId(mentorId);
        return checkRange(new DeadLetterFilter(mentor, from, to));
    }

    private static DeadLetterFilter checkRange(DeadLetterFilter filter) {
        QueryParams.range(filter.from(), filter.to());
        return filter;
    }


    private int pageSize(String limit) {
        return QueryParams.limit(limit, Math.min(DEFAULT_PAGE_SIZE, maxPageSize), maxPageSize);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
