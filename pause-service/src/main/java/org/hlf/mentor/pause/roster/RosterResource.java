package org.hlf.mentor.pause.roster;

import static org.hlf.mentor.pause.security.Actor.Role.ADMIN;
import static org.hlf.mentor.pause.security.Actor.Role.SYSTEM;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.pause.security.CurrentActor;
import org.hlf.mentor.support.api.QueryParams;
import org.hlf.mentor.support.api.Ids;
import org.hlf.mentor.support.api.InvalidInput;

/** The roster: register or update mentors, one by one or in bulk; read it page by page. */
@Path("/api/v1/mentors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "roster")
public class RosterResource {

    /** Page size of the roster read when none is asked for, and the largest one (part of the API contract). */
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private final RosterService roster;
    private final RosterQueries queries;
    private final CurrentActor currentActor;
    private final PauseConfig config;

    public RosterResource(RosterService roster, RosterQueries queries, CurrentActor currentActor,
            PauseConfig config) {
        this.roster = roster;
        this.queries = queries;
        this.currentActor = currentActor;
        this.config = config;
    }

    @GET
    @RolesAllowed({"system", "admin"})
    @Operation(summary = "The roster in ascending mentor id order, paged by cursor (the truth for reconciliation)")
    public Uni<RosterPage> list(
            @Parameter(description = "nextCursor of the previous page; absent for the first page")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "mentors per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "only this chapter's mentors") @QueryParam("chapterId") String chapterId) {
        int pageSize = QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        UUID after = RosterCursor.decode(cursor);
        String chapter = chapterId == null ? null : Ids.chapterId(chapterId);
        return queries.page(chapter, after, pageSize);
    }

    @PUT
    @Path("/{mentorId}")
    @RolesAllowed({"admin", "system"})
    @Operation(summary = "Register (201) or update (200) a roster entry")
    public Uni<Response> upsert(@PathParam("mentorId") String mentorId, @Valid @NotNull MentorRegistration body) {
        UUID id = Ids.mentorId(mentorId);
        var entry = new RosterEntry(id, body.chapterId(), body.certificationValidUntil());
        return roster.upsert(entry, currentActor.in(ADMIN, SYSTEM)).map(result -> result.change()
                == RosterService.Change.CREATED
                        ? Response.created(URI.create("/api/v1/pause-management/" + id + "/status"))
                                .entity(result.mentor()).build()
                        : Response.ok(result.mentor()).build());
    }

    @POST
    @Path("/import")
    @RolesAllowed({"admin", "system"})
    @Operation(summary = "Bulk roster upsert (at most 10,000 entries); answers the counts")
    public Uni<ImportResult> importRoster(@NotNull List<@Valid @NotNull RosterEntry> entries) {
        int max = config.api().maxImportEntries();
        if (entries.isEmpty() || entries.size() > max) {
            throw new InvalidInput("an import holds 1 to " + max + " entries, not " + entries.size());
        }
        Set<UUID> seen = new HashSet<>();
        for (RosterEntry entry : entries) {
            if (!seen.add(entry.mentorId())) {
                throw new InvalidInput("mentorId " + entry.mentorId() + " appears more than once");
            }
        }
        return roster.importAll(entries, currentActor.in(ADMIN, SYSTEM));
    }

}
