package org.hlf.mentor.pause.dlq;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.support.api.Ids;
import org.hlf.mentor.support.api.InvalidInput;

/** certification-events-dlq for ops: list the dead letters, replay them (all, one mentor's, or a time range's). */
@Path("/api/v1/admin/certification-dlq")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ops", "admin"})
@Tag(name = "admin")
@SecurityRequirement(name = "jwt")
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
        DeadLetterFilter filter = filter(mentorId, instant("from", from), instant("to", to));
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
        UUID mentor = present(mentorId) ? Ids.uuid("mentorId", mentorId) : null;
        return checkRange(new DeadLetterFilter(mentor, from, to));
    }

    private static DeadLetterFilter checkRange(DeadLetterFilter filter) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInput("from must not be after to");
        }
        return filter;
    }

    private static Instant instant(String name, String value) {
        if (!present(value)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private int pageSize(String limit) {
        if (!present(limit)) {
            return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= maxPageSize) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput("limit must be between 1 and " + maxPageSize);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
