package org.hlf.mentor.sandbox.limits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hlf.mentor.sandbox.SandboxApi.clearFaults;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.newClient;
import static org.hlf.mentor.sandbox.SandboxApi.putFault;
import static org.hlf.mentor.sandbox.SandboxApi.putLimits;
import static org.hlf.mentor.sandbox.SandboxApi.requestsOf;
import static org.hlf.mentor.sandbox.SandboxApi.restoreLimits;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class ServiceProtectionLimitsTest {

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
    void restore() {
        restoreLimits();
        clearFaults();
    }

    @Test
    void defaultsAreDataversesLimits() {
        given().get("/sandbox/limits").then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("requestsPerWindow", equalTo(6000))
                .body("windowSeconds", equalTo(300))
                .body("concurrent", equalTo(52))
                .body("executionSecondsPerWindow", equalTo(1200));
    }

    @Test
    void windowFullGives429WithRetryAfterAndRecovers() {
        putLimits("{\"requestsPerWindow\": 3, \"windowSeconds\": 2}");
        for (int i = 0; i < 3; i++) {
            hide(token, mentorId).then().statusCode(204);
        }

        Response refused = hide(token, mentorId);

        refused.then().statusCode(429)
                .header("OData-Version", "4.0")
                .body("error.code", equalTo("0x80072322"))
                .body("error.message", equalTo("Number of requests exceeded the limit of 3 over time window of 2 seconds."));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> hide(token, mentorId).statusCode() == 204);
    }

    @Test
    void limitsArePerClient() {
        putLimits("{\"requestsPerWindow\": 1, \"windowSeconds\": 300}");
        hide(token, mentorId).then().statusCode(204);
        hide(token, mentorId).then().statusCode(429);

        hide(token(newClient()), mentorId).then().statusCode(204);
    }

    @Test
    void refusedRequestsAreLoggedAsThrottled() {
        putLimits("{\"requestsPerWindow\": 1, \"windowSeconds\": 300}");
        hide(token, mentorId).then().statusCode(204);
        hide(token, mentorId).then().statusCode(429);

        assertThat(requestsOf(clientId)).filteredOn(entry -> !"POST".equals(entry.get("method")))
                .extracting(entry -> entry.get("status") + " " + entry.get("note"))
                .containsExactly("204 null", "429 throttled 0x80072322");
    }

    @Test
    void retryAfterIsCapped() {
        putLimits("{\"requestsPerWindow\": 1, \"windowSeconds\": 300, \"retryAfterCapSeconds\": 5}");
        hide(token, mentorId).then().statusCode(204);

        hide(token, mentorId).then().statusCode(429).header("Retry-After", "5");
    }

    @Test
    void concurrentRequestsBeyondTheLimitGive429() {
        putLimits("{\"concurrent\": 1}");
        putFault("{\"latencyMs\": 1500, \"count\": 1}");
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> hide(token, mentorId).statusCode());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> given().get("/sandbox/limits").then().extract()
                        .path("usage.'" + clientId + "'.inFlight"), equalTo(1));

        hide(token, mentorId).then().statusCode(429)
                .header("Retry-After", "1")
                .body("error.code", equalTo("0x80072326"));

        assertThat(slow.join()).isEqualTo(204);
        hide(token, mentorId).then().statusCode(204);
    }

    @Test
    void executionTimeBudgetSpentGives429UntilTheWindowMovesOn() {
        putLimits("{\"executionSecondsPerWindow\": 1, \"windowSeconds\": 3}");
        putFault("{\"latencyMs\": 1100, \"count\": 1}");
        hide(token, mentorId).then().statusCode(204);

        hide(token, mentorId).then().statusCode(429)
                .body("error.code", equalTo("0x80072321"));
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(250))
                .until(() -> hide(token, mentorId).statusCode() == 204);
    }

    @Test
    void disabledLimitsNeverThrottle() {
        putLimits("{\"requestsPerWindow\": 1, \"enabled\": false}");

        for (int i = 0; i < 5; i++) {
            hide(token, mentorId).then().statusCode(204);
        }
        given().get("/sandbox/limits").then().body("enabled", equalTo(false))
                .body("usage.'" + clientId + "'", nullValue());
    }

    @Test
    void invalidLimitsAreRefusedWithAProblem() {
        given().contentType("application/json").body("{\"windowSeconds\": 0}")
                .put("/sandbox/limits")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("windowSeconds must be at least 1"));
        given().get("/sandbox/limits").then().body("windowSeconds", equalTo(300));
    }
}
