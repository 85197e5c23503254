package org.hlf.mentor.pause.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may do what: broken tokens are 401, wrong roles 403, other chapters are invisible. */
@QuarkusTest
class AuthorizationTest {

    @Inject
    Pool pool;

    /** Every endpoint, as a call with a given token on a given mentor. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                call("activate", (t, id) -> as(t).body(Map.of("reason", "r")).post(BASE + id + "/activate")),
                call("lift", (t, id) -> as(t).post(BASE + id + "/lift")),
                call("auto-expire", (t, id) -> as(t).post(BASE + id + "/auto-expire")),
                call("status", (t, id) -> as(t).get(BASE + id + "/status")),
                call("history", (t, id) -> as(t).get(BASE + id + "/history")),
                call("paused", (t, id) -> as(t).get(BASE + "paused")),
                call("transitions", (t, id) -> as(t).get(BASE + "transitions")),
                call("roster put", (t, id) -> as(t).body(Map.of("chapterId", "oslo")).put("/api/v1/mentors/" + id)),
                call("roster import", (t, id) -> as(t).body(List.of(Map.of("mentorId", id.toString(),
                        "chapterId", "oslo"))).post("/api/v1/mentors/import")),
                call("roster list", (t, id) -> as(t).get("/api/v1/mentors")));
    }

    static Stream<Arguments> brokenTokens() {
        return Stream.of(Arguments.of("expired", TestTokens.expired()),
                Arguments.of("wrong issuer", TestTokens.wrongIssuer()),
                Arguments.of("wrong audience", TestTokens.wrongAudience()),
                Arguments.of("issued in the future", TestTokens.issuedInTheFuture()),
                Arguments.of("HS256 with the public key", TestTokens.hs256WithPublicKey()),
                Arguments.of("alg none", TestTokens.unsigned()),
                Arguments.of("foreign key", TestTokens.signedByForeignKey()),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0} without a token is 401")
    @MethodSource("endpoints")
    void everyEndpointRequiresAToken(String name, BiFunction<String, UUID, Response> call) {
        UUID id = registerCertified("oslo");
        Response response = switch (name) {
            case "status", "history", "paused", "transitions", "roster list" -> given().get(path(name, id));
            case "roster put" -> given().contentType(ContentType.JSON).body(Map.of("chapterId", "oslo"))
                    .put("/api/v1/mentors/" + id);
            default -> given().contentType(ContentType.JSON).body("[]").post(path(name, id));
        };
        response.then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} token is 401")
    @MethodSource("brokenTokens")
    void brokenTokensAreRefused(String name, String token) {
        UUID id = registerCertified("oslo");
        PauseDb db = new PauseDb(pool);
        Map<String, Object> before = db.snapshot(id);
        pause(token, id, "holiday").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        as(token).get(BASE + "transitions").then().statusCode(401);
        assertThat(db.snapshot(id)).isEqualTo(before);
    }

    @Test
    void opsRoleMayNotChangeStatusOrRoster() {
        UUID id = registerCertified("oslo");
        String ops = TestTokens.ops();
        pause(ops, id, "holiday").then().statusCode(403).contentType("application/problem+json");
        as(ops).get(BASE + id + "/status").then().statusCode(403);
        as(ops).body(Map.of("chapterId", "oslo")).put("/api/v1/mentors/" + id).then().statusCode(403);
    }

    @Test
    void coordinatorMayNotExpireOrEditTheRoster() {
        UUID id = registerCertified("oslo");
        String coordinator = TestTokens.coordinator("oslo");
        as(coordinator).post(BASE + id + "/auto-expire").then().statusCode(403);
        as(coordinator).body(Map.of("chapterId", "oslo")).put("/api/v1/mentors/" + id).then().statusCode(403);
        as(coordinator).body(List.of()).post("/api/v1/mentors/import").then().statusCode(403);
    }

    @Test
    void systemMayExpireButNotPause() {
        UUID id = registerCertified("oslo");
        pause(TestTokens.system(), id, "holiday").then().statusCode(403);
        as(TestTokens.system()).post(BASE + id + "/auto-expire").then().statusCode(200);
        as(TestTokens.system()).get(BASE + id + "/status").then().statusCode(200);
    }

    @ParameterizedTest(name = "coordinator of another chapter: {0}")
    @MethodSource("endpoints")
    void coordinatorOfAnotherChapterCannotReachTheMentor(String name, BiFunction<String, UUID, Response> call) {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        PauseDb db = new PauseDb(pool);
        Map<String, Object> before = db.snapshot(id);
        Response response = call.apply(TestTokens.coordinator("bergen"), id);
        switch (name) {
            case "transitions" -> response.then().statusCode(200);
            case "paused" -> assertThat(response.then().statusCode(200).extract().jsonPath()
                    .getList("items.mentorId", String.class)).doesNotContain(id.toString());
            case "auto-expire", "roster put", "roster import", "roster list" -> response.then().statusCode(403);
            default -> response.then().statusCode(404).contentType("application/problem+json");
        }
        assertThat(db.snapshot(id)).isEqualTo(before);
    }

    @Test
    void coordinatorAskingForAnotherChaptersPausedListIsForbidden() {
        as(TestTokens.coordinator("bergen")).queryParam("chapterId", "oslo").get(BASE + "paused")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void coordinatorActsOnOwnChapterAndIsAuditedAsCoordinator() {
        UUID id = registerCertified("trondheim");
        String subject = "coord-" + UUID.randomUUID();
        String token = TestTokens.token(subject, Set.of("coordinator"), List.of("oslo", "trondheim"));
        pause(token, id, "illness").then().statusCode(200).body("currentPause.initiatedBy", equalTo(subject));
        assertThat(new PauseDb(pool).one("SELECT actor_id, actor_role FROM status_audit WHERE mentor_id = $1 "
                + "AND action = 'PAUSE'", id).toJson().getMap())
                .containsEntry("actor_id", subject).containsEntry("actor_role", "COORDINATOR");
    }

    @Test
    void coordinatorWhoIsAlsoSystemStaysChapterScopedOnCoordinatorEndpoints() {
        UUID id = registerCertified("oslo");
        String token = TestTokens.token("dual-" + UUID.randomUUID(), Set.of("coordinator", "system"),
                List.of("bergen"));
        as(token).get(BASE + id + "/history").then().statusCode(404);
    }

    private static String path(String name, UUID id) {
        return switch (name) {
            case "paused", "transitions" -> BASE + name;
            case "roster import" -> "/api/v1/mentors/import";
            case "roster list" -> "/api/v1/mentors";
            default -> BASE + id + "/" + name;
        };
    }

    private static Arguments call(String name, BiFunction<String, UUID, Response> call) {
        return Arguments.of(name, call);
    }
}
