package org.hlf.mentor.sync.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.dlq.DeadLetterFilter;
import org.hlf.mentor.sync.dlq.DeadLetterReader;
import org.hlf.mentor.sync.dlq.DeadLetterView;
import org.hlf.mentor.sync.replay.DeadLetterReplay;
import org.hlf.mentor.sync.replay.ReplayReport;

/** Dead letters for ops: list them, replay all, one mentor's, or a time range's. */
@Path("/api/v1/website-sync/dlq")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class DeadLetterResource {

    private final DeadLetterReader reader;
    private final DeadLetterReplay replay;
    private final SyncConfig config;

    public DeadLetterResource(DeadLetterReader reader, DeadLetterReplay replay, SyncConfig config) {
        this.reader = reader;
        this.replay = replay;
        this.config = config;
    }

    @GET
    public Uni<List<DeadLetterView>> list(@QueryParam("mentorId") String mentorId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit) {
        DeadLetterFilter filter = filter(mentorId, from, to);
        return reader.read(filter, Params.limit(limit, 100, config.api().maxPageSize()))
                .map(records -> records.stream().map(DeadLetterReader::view).toList());
    }

    /** Body optional: without one (or with {@code {}}) every dead letter is replayed. */
    @POST
    @Path("/replay")
    public Uni<ReplayReport> replay(ReplayRequest body) {
        ReplayRequest request = body == null ? new ReplayRequest(null, null, null) : body;
        Params.range(request.from(), request.to());
        return replay.replay(new DeadLetterFilter(request.mentorId(), request.from(), request.to()));
    }

    private static DeadLetterFilter filter(String mentorId, String from, String to) {
        Instant start = Params.instant("from", from);
        Instant end = Params.instant("to", to);
        Params.range(start, end);
        return new DeadLetterFilter(Params.optionalMentorId(mentorId), start, end);
    }
}
