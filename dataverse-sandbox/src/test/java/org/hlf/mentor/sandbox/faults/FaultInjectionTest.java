package org.hlf.mentor.sandbox.faults;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hlf.mentor.sandbox.SandboxApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hlf.mentor.sandbox.SandboxApi.SECRET;
import static org.hlf.mentor.sandbox.SandboxApi.adminContact;
import static org.hlf.mentor.sandbox.SandboxApi.clearFaults;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.newClient;
import static org.hlf.mentor.sandbox.SandboxApi.putFault;
import static org.hlf.mentor.sandbox.SandboxApi.requestToken;
import static org.hlf.mentor.sandbox.SandboxApi.requestsFor;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.setVisibility;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class FaultInjectionTest {

    private String clientId;
    private String token;
    private UUID mentorId;

    @BeforeEach
    void newClientAndContact() {
        clientId = newClient();
        token = token(clientId);
        mentorId = seedContact();
    }

    @AfterEach
    void clear() {
        clearFaults();
    }

    @Test
    void statusFaultFailsTheNextCallsThenStops() {
        putFault("{\"status\": 503, \"count\": 2}");

        hide(token, mentorId).then().statusCode(503)
                .header("OData-Version", "4.0")
                .body("error.code", equalTo("0x80040216"));
        hide(token, mentorId).then().statusCode(503);
        hide(token, mentorId).then().statusCode(204);

        assertThat(requestsFor(mentorId)).extracting(entry -> entry.get("status")).containsExactly(503, 503, 204);
    }

    @Test
    void injectedFailureWritesNothing() {
        putFault("{\"status\": 500, \"count\": 1}");

        hide(token, mentorId).then().statusCode(500);

        assertThat(adminContact(mentorId).getBoolean("visible")).isTrue();
        assertThat(requestsFor(mentorId)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("visibility", null)
                        .containsEntry("note", "injected 500"));
    }

    @Test
    void injected429CarriesRetryAfter() {
        putFault("{\"status\": 429, \"count\": 1, \"retryAfterSeconds\": 7}");

        hide(token, mentorId).then().statusCode(429).header("Retry-After", "7");
    }

    @Test
    void latencyFaultSlowsTheCallDown() {
        putFault("{\"latencyMs\": 700, \"count\": 1}");

        Response slow = hide(token, mentorId);

        slow.then().statusCode(204);
        assertThat(slow.timeIn(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(700);
        assertThat(requestsFor(mentorId)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("note", "injected latency 700 ms"));
    }

    @Test
    void resetConnectionClosesWithoutAnswer() {
        putFault("{\"resetConnection\": true, \"count\": 1}");

        assertThatThrownBy(() -> hide(token, mentorId)).isInstanceOf(IOException.class);

        hide(token, mentorId).then().statusCode(204);
        assertThat(requestsFor(mentorId)).extracting(entry -> entry.get("status") + " " + entry.get("note"))
                .containsExactly("0 injected connection reset", "204 null");
    }

    @Test
    void failureRateOfOneFailsEveryCallUntilCleared() {
        putFault("{\"failureRate\": 1.0}");

        for (int i = 0; i < 3; i++) {
            hide(token, mentorId).then().statusCode(503);
        }
        clearFaults();
        hide(token, mentorId).then().statusCode(204);
    }

    @Test
    void failureRateOfZeroNeverFails() {
        putFault("{\"failureRate\": 0.0}");

        for (int i = 0; i < 3; i++) {
            hide(token, mentorId).then().statusCode(204);
        }
    }

    @Test
    void outageFailsEveryDataCallUntilItEnds() {
        putFault("{\"outageSeconds\": 1}");

        hide(token, mentorId).then().statusCode(503);
        hide(token, mentorId).then().statusCode(503);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> hide(token, mentorId).statusCode() == 204);
        given().get("/sandbox/faults").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void faultsNeverTouchTokenAdminOrPublicEndpoints() {
        putFault("{\"status\": 503}");

        requestToken(clientId, SECRET).then().statusCode(200);
        given().get("/sandbox/contacts/" + mentorId).then().statusCode(200);
        given().get("/public/mentors").then().statusCode(200);
        given().get("/public").then().statusCode(200);
        hide(token, mentorId).then().statusCode(503);
    }

    @Test
    void faultWithIncludeTokenFailsTokenCallsToo() {
        putFault("{\"status\": 503, \"count\": 1, \"includeToken\": true}");

        requestToken(clientId, SECRET).then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
        requestToken(clientId, SECRET).then().statusCode(200);
    }

    @Test
    void faultAimedAtOneMentorSparesTheOthers() {
        UUID other = seedContact();
        putFault("{\"status\": 503, \"mentorId\": \"" + mentorId + "\"}");

        hide(token, other).then().statusCode(204);
        hide(token, mentorId).then().statusCode(503);
    }

    @Test
    void faultAimedAtOneMentorFailsOnlyItsPartOfABatch() {
        UUID other = seedContact();
        putFault("{\"status\": 503, \"count\": 1, \"mentorId\": \"" + mentorId + "\"}");
        String boundary = "batch_" + UUID.randomUUID();
        String body = part(boundary, other) + part(boundary, mentorId) + "--" + boundary + "--\r\n";

        String answer = SandboxApi.dataApi(token).header("Prefer", "odata.continue-on-error")
                .contentType("multipart/mixed; boundary=" + boundary).body(body)
                .post("/api/data/v9.2/$batch")
                .then().statusCode(200).extract().asString();

        assertThat(answer).containsSubsequence("HTTP/1.1 204 No Content", "HTTP/1.1 503 Service Unavailable");
        assertThat(adminContact(other).getBoolean("visible")).isFalse();
        assertThat(adminContact(mentorId).getBoolean("visible")).isTrue();
    }

    @Test
    void faultWithAMethodSparesCallsOfOtherMethods() {
        putFault("{\"status\": 503, \"method\": \"GET\"}");

        hide(token, mentorId).then().statusCode(204);
        SandboxApi.dataApi(token).get(SandboxApi.contactPath(mentorId)).then().statusCode(503);
    }

    @Test
    void rulesApplyInOrderAsAScript() {
        given().contentType(ContentType.JSON)
                .body("[{\"status\": 503, \"count\": 1}, {\"status\": 502, \"count\": 1}]")
                .put("/sandbox/faults")
                .then().statusCode(200).body("remaining", equalTo(List.of(1, 1)));

        hide(token, mentorId).then().statusCode(503);
        hide(token, mentorId).then().statusCode(502);
        setVisibility(token, mentorId, true).then().statusCode(204);
    }

    @Test
    void unknownOrInvalidFaultFieldsAreRefused() {
        given().contentType(ContentType.JSON).body("{\"latency\": 3000}")
                .put("/sandbox/faults")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"status\": 200}")
                .put("/sandbox/faults")
                .then().statusCode(400).body("errors", hasItem("status must be an HTTP error status between 400 and 599"));
        given().get("/sandbox/faults").then().body("$", hasSize(0));
    }

    @Test
    void deleteClearsEveryFault() {
        putFault("{\"status\": 503}");

        clearFaults();

        hide(token, mentorId).then().statusCode(204);
        assertThat(given().get("/sandbox/faults").then().extract().jsonPath().getList("$", Map.class)).isEmpty();
    }

    private static String part(String boundary, UUID mentorId) {
        String json = "{\"hlf_showonwebsite\":false}";
        return "--" + boundary + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "PATCH contacts(hlf_mentorid='" + mentorId + "') HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "If-Match: *\r\nContent-Length: " + json.length() + "\r\n\r\n" + json + "\r\n";
    }
}
