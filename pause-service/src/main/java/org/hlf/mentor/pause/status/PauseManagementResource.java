package org.hlf.mentor.pause.status;

import static org.hlf.mentor.pause.security.Actor.Role.ADMIN;
import static org.hlf.mentor.pause.security.Actor.Role.COORDINATOR;
import static org.hlf.mentor.pause.security.Actor.Role.SYSTEM;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.pause.config.PauseConfig;
import org.hlf.mentor.pause.idempotency.Idempotency;
import org.hlf.mentor.pause.security.Actor;
import org.hlf.mentor.pause.security.CurrentActor;
import org.hlf.mentor.support.api.QueryParams;
import org.hlf.mentor.support.api.Ids;
import org.hlf.mentor.support.api.InvalidInput;
import org.hlf.mentor.support.api.Problem;

/** The coordinator API: pause, lift, expire, status, history, paused list, the state machine table. */
@Path("/api/v1/pause-management")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pause-management")
public class PauseManagementResource {

    private static final int MAX_KEY_LENGTH = 200;

    private final StatusService status;
    private final StatusQueries queries;
    private final EligibilityQueries eligibility;
    private final CurrentActor currentActor;
    private final PauseConfig config;
    private final Clock clock;
    private final ObjectMapper mapper;

    public PauseManagementResource(StatusService status, StatusQueries queries, EligibilityQueries eligibility,
            CurrentActor currentActor, PauseConfig config, Clock clock, ObjectMapper mapper) {
        this.status = status;
        this.queries = queries;
        this.eligibility = eligibility;
        this.currentActor = currentActor;
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
    }

    @POST
    @Path("/{mentorId}/activate")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Pause a mentor (ACTIVE -> PAUSED)")
    public Uni<Response> pause(@PathParam("mentorId") String mentorId, @Valid @NotNull PauseRequest body,
            @HeaderParam("Idempotency-Key") String key) {
        UUID id = Ids.mentorId(mentorId);
        checkExpectedReturn(body.expectedReturnDate());
        return transition(id, MentorTransitions.Request.pause(body.reason().strip(), body.expectedReturnDate(),
                        body.acknowledges()),
                currentActor.in(COORDINATOR, ADMIN), key, "activate", body);
    }

    @POST
    @Path("/{mentorId}/lift")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Lift the pause of a mentor")
    public Uni<Response> lift(@PathParam("mentorId") String mentorId, @Valid LiftRequest body,
            @HeaderParam("Idempotency-Key") String key) {
        UUID id = Ids.mentorId(mentorId);
        String note = body == null || body.note() == null ? null : body.note().strip();
        return transition(id, MentorTransitions.Request.lift(note), currentActor.in(COORDINATOR, ADMIN), key, "lift",
                body);
    }

    @POST
    @Path("/{mentorId}/auto-expire")
    @RolesAllowed({"system", "admin"})
    @Operation(summary = "Record that the certification expired (-> EXPIRED_CERT; no-op when already expired)")
    public Uni<Response> autoExpire(@PathParam("mentorId") String mentorId, @Valid ExpireRequest body,
            @HeaderParam("Idempotency-Key") String key) {
        UUID id = Ids.mentorId(mentorId);
        String reason = body == null || body.reason() == null ? null : body.reason().strip();
        return transition(id, MentorTransitions.Request.expire(reason, null), currentActor.in(SYSTEM, ADMIN), key,
                "auto-expire", body);
    }

    @GET
    @Path("/{mentorId}/status")
    @RolesAllowed({"coordinator", "admin", "system"})
    @Operation(summary = "Current status of a mentor")
    public Uni<MentorStatusView> status(@PathParam("mentorId") String mentorId) {
        return status.current(Ids.mentorId(mentorId), currentActor.in(COORDINATOR, ADMIN, SYSTEM));
    }

    @GET
    @Path("/{mentorId}/eligibility")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Whether a pause would go through now: the open commitments that block it and the warnings")
    public Uni<EligibilityView> eligibility(@PathParam("mentorId") String mentorId,
            @QueryParam("expectedReturnDate") String expectedReturnDate) {
        UUID id = Ids.mentorId(mentorId);
        LocalDate expected = QueryParams.date("expectedReturnDate", expectedReturnDate);
        checkExpectedReturn(expected);
        return eligibility.of(id, currentActor.in(COORDINATOR, ADMIN), expected);
    }

    @GET
    @Path("/{mentorId}/history")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Pause periods and transitions of a mentor, newest first")
    public Uni<HistoryView> history(@PathParam("mentorId") String mentorId) {
        return queries.history(Ids.mentorId(mentorId), currentActor.in(COORDINATOR, ADMIN));
    }

    @GET
    @Path("/paused")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Paused mentors, paged by cursor")
    public Uni<PausedPage> paused(@QueryParam("chapterId") String chapterId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Actor actor = currentActor.in(COORDINATOR, ADMIN);
        int pageSize = pageSize(limit);
        UUID after = cursor == null || cursor.isEmpty() ? null : Ids.uuid("cursor", cursor);
        Set<String> chapters;
        if (chapterId != null) {
            String chapter = Ids.chapterId(chapterId);
            if (actor.chapterScoped() && !actor.chapters().contains(chapter)) {
                throw new io.quarkus.security.ForbiddenException("not a chapter of this coordinator");
            }
            chapters = Set.of(chapter);
        } else {
            chapters = actor.chapterScoped() ? actor.chapters() : null;
        }
        if (chapters != null && chapters.isEmpty()) {
            return Uni.createFrom().item(new PausedPage(List.of(), null));
        }
        return queries.paused(chapters, after, pageSize);
    }

    @GET
    @Path("/transitions")
    @Authenticated
    @Operation(summary = "The state machine table; with from and to: whether that transition is allowed")
    public TransitionsView transitions(@QueryParam("from") String from, @QueryParam("to") String to) {
        Boolean allowed = null;
        if (from != null || to != null) {
            allowed = StateMachine.isTransitionAllowed(status("from", from), status("to", to));
        }
        return new TransitionsView(StateMachine.RULES, allowed);
    }

    /** The table, and the answer to {@code isTransitionAllowed(from, to)} when asked. */
    public record TransitionsView(List<TransitionRule> transitions, Boolean allowed) {
    }

    private Uni<Response> transition(UUID id, MentorTransitions.Request request, Actor actor, String key,
            String action, Object body) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidInput("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return status.apply(id, request, actor, key, fingerprint(action, id, body))
                .map(PauseManagementResource::answer);
    }

    /** A repeat gets the kept answer as it was: 200 with the mentor, or the kept refusal (409, 404) as problem+json. */
    private static Response answer(Idempotency.Answer<MentorStatusView> answer) {
        if (answer.replayed()) {
            String type = answer.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON;
            return Response.status(answer.status()).entity(answer.storedBody()).type(type)
                    .header("Idempotent-Replayed", "true").build();
        }
        return Response.ok(answer.body()).build();
    }

    private String fingerprint(String action, UUID id, Object body) {
        try {
            return "POST " + action + " " + id + " " + mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkExpectedReturn(LocalDate expected) {
        if (expected == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int maxDays = config.pause().maxExpectedReturnDays();
        if (!expected.isAfter(today)) {
            throw new InvalidInput("expectedReturnDate must be in the future (today is " + today + ")");
        }
        if (expected.isAfter(today.plusDays(maxDays))) {
            throw new InvalidInput("expectedReturnDate must be at most " + maxDays + " days ahead");
        }
    }

    private int pageSize(String limit) {
        int max = config.api().maxPageSize();
        return QueryParams.limit(limit, Math.min(50, max), max);
    }

    private static MentorStatus status(String name, String value) {
        try {
            return MentorStatus.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(name + " must be one of ACTIVE, PAUSED, EXPIRED_CERT");
        }
    }
}
