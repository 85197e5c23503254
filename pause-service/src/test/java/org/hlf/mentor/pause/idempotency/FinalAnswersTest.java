package org.hlf.mentor.pause.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.register;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key keeps final refusals too: a repeat answers the same 4xx and changes nothing, even when the
 * mentor's state has changed in between. Answers a repeat may rightly improve on (5xx, 401/403, a lost race) are
 * not kept.
 */
@QuarkusTest
class FinalAnswersTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    private final String subject = "coord-" + UUID.randomUUID();
    private final String token = TestTokens.token(subject, Set.of("coordinator"), List.of("oslo"));

    @Test
    void refusedPauseIsRepeatedAsTheSame409AfterARenewalAndPausesNothing() {
        UUID id = register("oslo", TODAY.minusDays(3));
        String key = UUID.randomUUID().toString();
        Response refused = pause(id, key, "holiday");
        refused.then().statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("EXPIRED_CERT"));
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(200);
        PauseDb db = new PauseDb(pool);
        Map<String, Object> renewed = db.snapshot(id);
        assertThat(statusOf(id)).isEqualTo("ACTIVE");

        Response repeat = pause(id, key, "holiday");

        repeat.then().statusCode(409).contentType("application/problem+json").header("Idempotent-Replayed", "true");
        assertThat(repeat.jsonPath().getMap("")).isEqualTo(refused.jsonPath().getMap(""));
        assertThat(db.snapshot(id)).isEqualTo(renewed);
        assertThat(db.count("pause_period", id)).isZero();
        assertThat(statusOf(id)).isEqualTo("ACTIVE");
    }

    @Test
    void keyOfARefusalUsedForAnotherRequestIs422() {
        UUID id = register("oslo", TODAY.minusDays(3));
        String key = UUID.randomUUID().toString();
        pause(id, key, "holiday").then().statusCode(409);
        pause(id, key, "illness").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void notFoundIsNotKeptSoARepeatAfterTheMentorIsRegisteredRuns() {
        UUID id = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        pause(id, key, "holiday").then().statusCode(404).contentType("application/problem+json");
        assertThat(new PauseDb(pool).one("SELECT count(*) AS n FROM idempotency_key WHERE actor_id = $1 AND "
                + "idem_key = $2", subject, key).getLong("n")).as("nothing stored for a refusal of scope").isZero();
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);

        pause(id, key, "holiday").then().statusCode(200);
        assertThat(statusOf(id)).isEqualTo("PAUSED");
    }

    @Test
    void sameKeyConcurrentlyOnARefusalAnswers409TwiceAndKeepsOneAnswer() {
        UUID id = register("oslo", TODAY.minusDays(3));
        String key = UUID.randomUUID().toString();
        var a = CompletableFuture.supplyAsync(() -> pause(id, key, "holiday").statusCode());
        var b = CompletableFuture.supplyAsync(() -> pause(id, key, "holiday").statusCode());
        assertThat(List.of(a.join(), b.join())).containsExactly(409, 409);
        assertThat(new PauseDb(pool).one("SELECT count(*) AS n FROM idempotency_key WHERE actor_id = $1 AND "
                + "idem_key = $2 AND response_code = 409", subject, key).getLong("n")).isEqualTo(1);
    }

    @Test
    void serverErrorIsNotKeptSoARepeatRuns() {
        UUID id = registerCertified("oslo");
        String key = UUID.randomUUID().toString();
        Response failed;
        try (PauseDb.RowLock lock = PauseDb.lockMentor(pool, id)) {
            var pending = CompletableFuture.supplyAsync(() -> pause(id, key, "holiday"));
            lock.terminateWaiter(); // the database goes away under the request
            failed = pending.join();
            lock.release();
        }
        // the connection died under the request: "try again", not a final answer
        failed.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");

        pause(id, key, "holiday").then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("status", equalTo("PAUSED"));
        assertThat(new PauseDb(pool).count("pause_period", id)).isEqualTo(1);
    }

    @Test
    void forbiddenIsNotKeptSoARepeatWithTheRightRoleRuns() {
        UUID id = registerCertified("oslo");
        String key = UUID.randomUUID().toString();
        String caller = "caller-" + UUID.randomUUID();
        String withoutRole = TestTokens.token(caller, Set.of("system"), List.of());
        String withRole = TestTokens.token(caller, Set.of("coordinator"), List.of("oslo"));
        pause(withoutRole, id, key, "holiday").then().statusCode(403);
        pause(withRole, id, key, "holiday").then().statusCode(200).body("status", equalTo("PAUSED"));
    }

    @Test
    void lostRaceIsNotKeptSoARepeatIsDecidedOnTheStateThatWon() {
        // the 409 of a lost race says "changed concurrently": the request was never decided on a committed state
        UUID id = registerCertified("oslo");
        String key = UUID.randomUUID().toString();
        Response lost;
        try (PauseDb.RowLock lock = PauseDb.lockMentor(pool, id)) {
            lock.bumpVersion();
            var pending = CompletableFuture.supplyAsync(() -> pause(id, key, "holiday"));
            lock.awaitWaiter();
            lock.release(); // the other writer commits first: the request's version check fails
            lost = pending.join();
        }
        lost.then().statusCode(409).body("detail", containsString("concurrently"));

        pause(id, key, "holiday").then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("status", equalTo("PAUSED"));
        assertThat(new PauseDb(pool).count("pause_period", id)).isEqualTo(1);
    }

    private Response pause(UUID id, String key, String reason) {
        return pause(token, id, key, reason);
    }

    private static Response pause(String token, UUID id, String key, String reason) {
        return as(token).header("Idempotency-Key", key).body(Map.of("reason", reason)).post(BASE + id + "/activate");
    }

    private static String statusOf(UUID id) {
        return as(TestTokens.admin()).get(BASE + id + "/status").jsonPath().getString("status");
    }
}
