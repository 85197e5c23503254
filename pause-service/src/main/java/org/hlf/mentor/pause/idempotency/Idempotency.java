package org.hlf.mentor.pause.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.hlf.mentor.pause.config.PauseConfig;

/**
 * {@code Idempotency-Key} for POSTs: a repeat by the same caller with the same key gets the first answer and
 * changes nothing. The key row is written first, in the transaction of the change: a concurrent repeat waits on
 * it, and after the first commits it reads the stored answer instead of running again. A final refusal (see
 * {@link FinalAnswers}: a 409 refused transition) is kept too, in a transaction of its own after the change's
 * rolled back; otherwise a repeat after the state changed (a renewal, a registration) would do what was refused.
 */
@ApplicationScoped
public class Idempotency {

    private static final int OK = 200;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PRIMARY_KEY = "idempotency_key_pkey";

    private final ObjectMapper mapper;
    private final Clock clock;
    private final PauseConfig config;
    private final FinalAnswers finalAnswers;

    public Idempotency(ObjectMapper mapper, Clock clock, PauseConfig config, FinalAnswers finalAnswers) {
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.finalAnswers = finalAnswers;
    }

    /**
     * A fresh answer ({@code body}, status 200) or a replayed one ({@code storedBody} with its {@code status}: 200,
     * or the 4xx of a kept refusal, whose body is problem+json).
     */
    public record Answer<T>(T body, String storedBody, boolean replayed, int status) {

        static <T> Answer<T> fresh(T body) {
            return new Answer<>(body, null, false, OK);
        }
    }

    /**
     * @param key     the header value, or null: then the action simply runs
     * @param request what identifies the request (method, path, body) to detect a key reused for another one
     */
    public <T> Uni<Answer<T>> once(String actorId, String key, String request, Supplier<Uni<T>> action) {
        if (key == null) {
            return action.get().map(Answer::fresh);
        }
        var id = new IdempotencyRecord.Key(actorId, key);
        String hash = sha256(request);
        return Panache.<Answer<T>>withTransaction(() -> IdempotencyRecord.<IdempotencyRecord>findById(id)
                .flatMap(found -> {
            if (found != null) {
                return Uni.createFrom().item(Idempotency.<T>replay(found, hash, key));
            }
            IdempotencyRecord record = new IdempotencyRecord();
            record.key = id;
            record.requestHash = hash;
            record.responseCode = 0;
            record.createdAt = clock.instant();
            return record.persistAndFlush().flatMap(ignored -> action.get()).map(body -> {
                record.responseCode = OK;
                record.responseBody = json(body);
                return Answer.fresh(body);
            });
        })).onFailure(Idempotency::isUniqueViolation).recoverWithUni(() -> stored(id, hash, key))
                .onFailure(failure -> finalAnswers.of(failure).isPresent())
                .recoverWithUni(failure -> keepRefusal(id, hash, key, failure));
    }

    /**
     * Keeps a final refusal for the key, in its own transaction (the change's rolled back, key row and all), then
     * fails as the request did, so the client gets the answer that is now kept. When a concurrent repeat got to
     * keep an answer first, that one is the answer.
     */
    private <T> Uni<Answer<T>> keepRefusal(IdempotencyRecord.Key id, String hash, String key, Throwable failure) {
        FinalAnswers.Refusal refusal = finalAnswers.of(failure).orElseThrow();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO idempotency_key (actor_id, idem_key, request_hash, response_code, response_body, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, id.actorId()).setParameter(2, id.idemKey()).setParameter(3, hash)
                .setParameter(4, refusal.status()).setParameter(5, refusal.body()).setParameter(6, clock.instant())
                .executeUpdate()))
                .flatMap(inserted -> inserted == 1 ? Uni.createFrom().<Answer<T>>failure(failure)
                        : stored(id, hash, key));
    }

    private <T> Uni<Answer<T>> stored(IdempotencyRecord.Key id, String hash, String key) {
        return Panache.withSession(() -> IdempotencyRecord.<IdempotencyRecord>findById(id)
                .map(found -> Idempotency.<T>replay(found, hash, key)));
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        Instant cutoff = clock.instant().minus(config.api().idempotencyRetention());
        return Panache.withTransaction(() -> IdempotencyRecord.delete("createdAt < ?1", cutoff)).replaceWithVoid();
    }

    private static <T> Answer<T> replay(IdempotencyRecord found, String hash, String key) {
        if (!found.requestHash.equals(hash)) {
            throw new IdempotencyMismatch(key);
        }
        return new Answer<>(null, found.responseBody, true, found.responseCode);
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && (UNIQUE_VIOLATION.equals(violation.getSQLState())
                            || String.valueOf(violation.getMessage()).contains(PRIMARY_KEY))) {
                return true;
            }
        }
        return false;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
