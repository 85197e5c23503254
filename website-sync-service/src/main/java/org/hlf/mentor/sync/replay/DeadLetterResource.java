package org.hlf.mentor.sync.replay;

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
import java.util.List;
import org.hlf.mentor.support.api.InvalidInput;
import org.hlf.mentor.support.api.QueryParams;
import org.hlf.mentor.sync.config.SyncConfig;
import org.hlf.mentor.sync.dlq.DeadLetterFilter;
import org.hlf.mentor.sync.dlq.DeadLetterReader;
import org.hlf.mentor.sync.dlq.DeadLetterView;
import org.hlf.mentor.sync.dlq.DlqCursor;

/** Dead letters for ops: list them a page at a time, replay all, one mentor's, or a time range's. */
@Path("/api/v1/website-sync/dlq")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class DeadLetterResource {

    private final DeadLetterReader reader;
    private final DeadLetterReplay replay;
    private final ReplayMarks marks;
    private final SyncConfig config;

    public DeadLetterResource(DeadLetterReader reader, DeadLetterReplay replay, ReplayMarks marks, SyncConfig config) {
        this.reader = reader;
        this.replay = replay;
        this.marks = marks;
        this.config = config;
    }

    /** One page of dead letters, each with what a replay did with it, if any. */
    public record Page(List<Listed> items, int remaining, String nextCursor) {
    }

    public record Listed(DeadLetterView letter, String replayOutcome) {
    }

    @GET
    public Uni<Page> list(@QueryParam("mentorId") String mentorId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        DeadLetterFilter filter = filter(mentorId, from, to);
        return reader.read(filter, QueryParams.limit(limit, 100, config.api().maxPageSize()), cursor(cursor))
                .chain(page -> {
                    List<ReplayMarks.Place> places = page.letters().stream()
                            .map(l -> new ReplayMarks.Place(l.partition(), l.offset())).toList();
                    return marks.outcomes(page.topicId(), places).map(outcomes -> new Page(page.letters().stream()
                            .map(l -> new Listed(DeadLetterReader.view(l),
                                    outcomes.get(new ReplayMarks.Place(l.partition(), l.offset()))))
                            .toList(), page.remaining(), page.next() == null ? null : page.next().encode()));
                });
    }

    /**
     * Body optional: without one (or with {@code {}}) every dead letter is replayed, a page of {@code limit} at a
     * time; the answer says how many remain and the cursor to go on with.
     */
    @POST
    @Path("/replay")
    public Uni<ReplayReport> replay(ReplayRequest body) {
        ReplayRequest request = body == null ? new ReplayRequest(null, null, null, null, null) : body;
        QueryParams.range(request.from(), request.to());
        int max = config.dlq().maxReplay();
        int limit = request.limit() == null ? max : request.limit();
        if (limit < 1 || limit > max) {
            throw new InvalidInput("limit must be a whole number from 1 to " + max);
        }
        return replay.replay(new DeadLetterFilter(request.mentorId(), request.from(), request.to()), limit,
                cursor(request.cursor()));
    }

    private static DlqCursor cursor(String value) {
        try {
            return DlqCursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
    }

    private static DeadLetterFilter filter(String mentorId, String from, String to) {
        Instant start = QueryParams.instant("from", from);
        Instant end = QueryParams.instant("to", to);
        QueryParams.range(start, end);
        return new DeadLetterFilter(QueryParams.optionalMentorId(mentorId), start, end);
    }
}
