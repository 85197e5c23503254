package org.hlf.mentor.sync.portal;

import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hlf.mentor.sync.config.SyncConfig;

/**
 * The one way into the Dataverse Web API: bearer token (refreshed once on a 401), per-attempt timeout, retries
 * with exponential backoff and jitter that honour {@code Retry-After}, and a circuit breaker. Only
 * {@link PortalUnavailable} (429, 5xx, timeouts, broken connections) is retried, and a {@code Retry-After} holds every
 * call of this replica ({@link PortalGate}); a {@link PortalRejected} ends
 * the operation at once. The guards are on the class, so their numbers are set once under {@code quarkus.fault-tolerance."org.hlf.mentor.sync.portal.PortalClient"}.
 */
@ApplicationScoped
@Retry(maxRetries = 5, delay = 500, maxDuration = 90_000, jitter = 0,
        abortOn = {PortalRejected.class, PortalBudgetUsedUp.class})
@CustomBackoff(PortalBackoff.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.8, delay = 10_000, successThreshold = 2,
        skipOn = {PortalRejected.class, PortalBudgetUsedUp.class})
@Timeout(10_000)
public class PortalClient {

    private final DataverseApi api;
    private final PortalTokens tokens;
    private final PortalGate gate;
    private final SyncConfig.Portal portal;

    public PortalClient(@RestClient DataverseApi api, PortalTokens tokens, PortalGate gate, SyncConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.gate = gate;
        this.portal = config.portal();
    }

    public Uni<Void> update(VisibilityChange change, Attempts attempts) {
        PortalBudgetUsedUp over = attempts.overBudget();
        if (over != null) {
            return Uni.createFrom().failure(over);
        }
        attempts.begin();
        return authorized(bearer -> api.update(portal.entitySet(), portal.keyColumn(), change.mentorId(), bearer,
                Map.of(portal.visibilityColumn(), change.visible())))
                .onFailure().invoke(failure -> attempts.failed(failure))
                .replaceWithVoid();
    }

    /** What the portal shows for the mentor now; empty when it has no such contact. */
    public Uni<Optional<Boolean>> read(UUID mentorId) {
        return authorized(bearer -> api.read(portal.entitySet(), portal.keyColumn(), mentorId,
                portal.visibilityColumn(), bearer))
                .map(row -> Optional.of(Boolean.TRUE.equals(row.get(portal.visibilityColumn()))))
                .onFailure(PortalRejected.class).recoverWithUni(e -> ((PortalRejected) e).status() == 404
                        ? Uni.createFrom().item(Optional.empty()) : Uni.createFrom().failure(e));
    }

    /**
     * One page of the contacts that carry a mentor id (of one chapter when given), {@code pageSize} at most; the
     * first page for a null {@code skipToken}. The skip token comes from the portal's {@code @odata.nextLink}.
     */
    public Uni<PortalPage> contacts(String chapterId, String skipToken, int pageSize) {
        String filter = portal.keyColumn() + " ne null" + (chapterId == null ? ""
                : " and " + portal.chapterColumn() + " eq '" + chapterId.replace("'", "''") + "'");
        String select = portal.keyColumn() + "," + portal.visibilityColumn();
        return authorized(bearer -> api.list(portal.entitySet(), select, filter, skipToken,
                "odata.maxpagesize=" + pageSize, bearer))
                .map(page -> new PortalPage(page.value() == null ? List.of() : page.value().stream()
                        .map(this::contact).filter(Objects::nonNull).toList(), NextLinks.skipToken(page.nextLink())));
    }

    private PortalContact contact(Map<String, Object> row) {
        Object id = row.get(portal.keyColumn());
        try {
            return id == null ? null : new PortalContact(UUID.fromString(id.toString()),
                    Boolean.TRUE.equals(row.get(portal.visibilityColumn())));
        } catch (IllegalArgumentException notAMentorId) {
            // a contact whose key is not one of our ids is none of our business
            return null;
        }
    }

    /**
     * One {@code $batch} request (at most the portal's operation limit) with continue-on-error. The request as a
     * whole is retried; parts that failed come back as results for the caller to decide on.
     */
    @Timeout(30_000)
    public Uni<List<PartResult>> batch(List<VisibilityChange> changes, Attempts attempts) {
        PortalBudgetUsedUp over = attempts.overBudget();
        if (over != null) {
            return Uni.createFrom().failure(over);
        }
        attempts.begin();
        BatchCodec.Encoded request = BatchCodec.encode(portal.baseUrl(), portal.entitySet(), portal.keyColumn(),
                portal.visibilityColumn(), changes);
        return authorized(bearer -> api.batch(bearer, request.body()))
                .map(response -> BatchCodec.decode(changes, response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                        response.readEntity(String.class)))
                .onFailure().invoke(failure -> attempts.failed(failure));
    }

    /** A one-line account of why an operation failed, whatever layer threw. */
    public static String describe(Throwable failure) {
        if (failure instanceof PortalException portal) {
            return portal.describe();
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** Whether another attempt, later, could succeed (used for the dead-letter reason). */
    public static boolean transientFailure(Throwable failure) {
        return !(failure instanceof PortalRejected);
    }

    private <T> Uni<T> authorized(Function<String, Uni<T>> call) {
        return gate.pass().chain(tokens::accessToken)
                .onItem().transformToUni(token -> call.apply("Bearer " + token)
                        .onFailure(PortalUnauthorized.class).recoverWithUni(refused -> {
                            // one refresh: the token may have been revoked or rotated before its expiry
                            tokens.refused(token);
                            return tokens.accessToken().onItem().transformToUni(fresh -> call.apply("Bearer " + fresh));
                        }))
                .onFailure(failure -> !(failure instanceof PortalException)).transform(PortalUnavailable::transport)
                .onFailure().invoke(gate::observe);
    }
}
