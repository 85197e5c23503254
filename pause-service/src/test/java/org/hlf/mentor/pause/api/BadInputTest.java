package org.hlf.mentor.pause.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 problem+json and changes nothing. */
@QuarkusTest
class BadInputTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    private PauseDb db;
    private UUID id;
    private Map<String, Object> before;

    @BeforeEach
    void registerMentor() {
        db = new PauseDb(pool);
        id = registerCertified("oslo");
        before = db.snapshot(id);
    }

    @Test
    void malformedMentorIdIs400() {
        badRequest(as(TestTokens.admin()).body(Map.of("reason", "x")).post(BASE + "not-a-uuid/activate").then())
                .body("detail", containsString("mentorId"));
        badRequest(as(TestTokens.admin()).get(BASE + "1234/status").then());
    }

    @Test
    void missingReasonIs400() {
        badRequest(pauseWith(Map.of("expectedReturnDate", TODAY.plusDays(3).toString())))
                .body("violations[0].field", equalTo("reason"));
        badRequest(pauseWith(Map.of("reason", "   ")));
        badRequest(as(TestTokens.admin()).post(BASE + id + "/activate").then());
    }

    /** A number or a boolean where text belongs is a client's type error, not text Jackson may make up. */
    @Test
    void wronglyTypedScalarsAre400NotCoerced() {
        badRequest(pauseWith(Map.of("reason", 42))).body("detail", containsString("reason"));
        badRequest(pauseWith(Map.of("reason", true)));
        badRequest(pauseWith(Map.of("reason", "holiday", "expectedReturnDate", 20270101)));
        badRequest(as(TestTokens.admin()).body(Map.of("chapterId", 7)).put("/api/v1/mentors/" + id).then());
    }

    @Test
    void unknownFieldsAreRefusedNotAssigned() {
        for (String field : List.of("status", "chapterId", "version")) {
            badRequest(pauseWith(Map.of("reason", "holiday", field, "ACTIVE")))
                    .body("detail", containsString(field));
        }
        badRequest(as(TestTokens.admin()).body(Map.of("chapterId", "bergen", "status", "ACTIVE"))
                .put("/api/v1/mentors/" + id).then());
    }

    @Test
    void badDatesAre400() {
        badRequest(pauseWith(Map.of("reason", "holiday", "expectedReturnDate", "2027-02-30")));
        badRequest(pauseWith(Map.of("reason", "holiday", "expectedReturnDate", "next week")));
        badRequest(pauseWith(Map.of("reason", "holiday", "expectedReturnDate", TODAY.minusDays(1).toString())))
                .body("detail", containsString("future"));
        badRequest(pauseWith(Map.of("reason", "holiday", "expectedReturnDate", TODAY.toString())));
        badRequest(pauseWith(Map.of("reason", "holiday", "expectedReturnDate", TODAY.plusDays(366).toString())))
                .body("detail", containsString("365"));
    }

    @Test
    void returnDateExactly365DaysAheadIsAccepted() {
        pauseWith(Map.of("reason", "long leave", "expectedReturnDate", TODAY.plusDays(365).toString()))
                .statusCode(200);
    }

    @Test
    void malformedJsonIs400() {
        badRequest(as(TestTokens.admin()).body("{\"reason\": ").post(BASE + id + "/activate").then());
        badRequest(as(TestTokens.admin()).body("[1,2]").post(BASE + id + "/activate").then());
    }

    @Test
    void twoMegabyteBodyIs400() {
        String huge = "{\"reason\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        badRequest(as(TestTokens.admin()).body(huge).post(BASE + id + "/activate").then())
                .body("detail", containsString("larger"));
    }

    @Test
    void overlongReasonIs400() {
        badRequest(pauseWith(Map.of("reason", "x".repeat(501))));
    }

    @Test
    void badPagingParametersAre400() {
        badRequest(as(TestTokens.admin()).queryParam("limit", "201").get(BASE + "paused").then());
        badRequest(as(TestTokens.admin()).queryParam("limit", "zero").get(BASE + "paused").then());
        badRequest(as(TestTokens.admin()).queryParam("cursor", "abc").get(BASE + "paused").then());
        badRequest(as(TestTokens.admin()).queryParam("chapterId", "Oslo!").get(BASE + "paused").then());
    }

    @Test
    void badRosterEntriesAre400AndImportNothing() {
        UUID fresh = UUID.randomUUID();
        badRequest(as(TestTokens.admin()).body(Map.of("chapterId", "Not A Slug")).put("/api/v1/mentors/" + fresh)
                .then());
        badRequest(as(TestTokens.admin()).body(List.of(
                Map.of("mentorId", fresh.toString(), "chapterId", "oslo"),
                Map.of("mentorId", "nope", "chapterId", "oslo"))).post("/api/v1/mentors/import").then());
        badRequest(as(TestTokens.admin()).body(List.of(
                Map.of("mentorId", fresh.toString(), "chapterId", "oslo"),
                Map.of("mentorId", fresh.toString(), "chapterId", "bergen"))).post("/api/v1/mentors/import").then())
                .body("detail", containsString("more than once"));
        assertThat(db.count("peer_mentor", fresh)).isZero();
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/pause-management/" + id + "/nothing-here")
                .then().statusCode(404);
    }

    /** A body the API cannot read is refused, not run as if there were none (expiry takes an optional body). */
    @Test
    void bodiesOfAnotherMediaTypeAre415NotIgnored() {
        for (String action : List.of("auto-expire", "lift", "activate")) {
            given().auth().oauth2(TestTokens.admin()).contentType("text/plain").body("{\"reason\": \"holiday\"}")
                    .post(BASE + id + "/" + action).then().statusCode(415).contentType("application/problem+json")
                    .body("status", equalTo(415));
        }
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain").body("[]").post("/api/v1/mentors/import")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(db.snapshot(id)).as("database unchanged").isEqualTo(before);
    }

    private ValidatableResponse pauseWith(Map<String, Object> body) {
        return as(TestTokens.admin()).body(body).post(BASE + id + "/activate").then();
    }

    private ValidatableResponse badRequest(ValidatableResponse response) {
        response.statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("title", equalTo("Bad Request"));
        assertThat(db.snapshot(id)).as("database unchanged").isEqualTo(before);
        return response;
    }
}
