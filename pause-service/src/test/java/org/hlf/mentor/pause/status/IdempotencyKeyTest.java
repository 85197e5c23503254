package org.hlf.mentor.pause.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Idempotency-Key: a repeat gets the first answer and changes nothing. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    Pool pool;

    private final String token = TestTokens.token("coord-" + UUID.randomUUID(), Set.of("coordinator"),
            List.of("oslo"));

    @Test
    void sameKeyTwiceGivesTheFirstAnswerAndOneTransition() {
        UUID id = registerCertified("oslo");
        String key = UUID.randomUUID().toString();
        Response first = pause(id, key, "holiday");
        first.then().statusCode(200).body("status", equalTo("PAUSED"));
        Response second = pause(id, key, "holiday");
        second.then().statusCode(200).header("Idempotent-Replayed", "true");

        assertThat(second.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        PauseDb db = new PauseDb(pool);
        assertThat(db.count("pause_period", id)).isEqualTo(1);
        assertThat(db.outboxRows(id, Topics.MENTOR_STATUS_CHANGED)).isEqualTo(2);
    }

    @Test
    void sameKeyConcurrentlyRunsOnce() {
        UUID id = registerCertified("oslo");
        String key = UUID.randomUUID().toString();
        var a = CompletableFuture.supplyAsync(() -> pause(id, key, "holiday").statusCode());
        var b = CompletableFuture.supplyAsync(() -> pause(id, key, "holiday").statusCode());
        assertThat(List.of(a.join(), b.join())).containsExactly(200, 200);
        assertThat(new PauseDb(pool).count("pause_period", id)).isEqualTo(1);
    }

    @Test
    void sameKeyForAnotherRequestIs422() {
        UUID id = registerCertified("oslo");
        String key = UUID.randomUUID().toString();
        pause(id, key, "holiday").then().statusCode(200);
        pause(id, key, "illness").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void keysAreScopedToTheCaller() {
        UUID id = registerCertified("oslo");
        String key = UUID.randomUUID().toString();
        pause(id, key, "holiday").then().statusCode(200);
        // another coordinator reusing the key is a new request: refused by the state machine, not replayed
        as(TestTokens.coordinator("oslo")).header("Idempotency-Key", key).body(Map.of("reason", "holiday"))
                .post(BASE + id + "/activate").then().statusCode(409);
    }

    private Response pause(UUID id, String key, String reason) {
        return as(token).header("Idempotency-Key", key).body(Map.of("reason", reason)).post(BASE + id + "/activate");
    }
}
