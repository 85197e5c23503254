package org.hlf.mentor.sandbox.faults;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hlf.mentor.sandbox.SandboxApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hlf.mentor.sandbox.SandboxApi.addFault;
import static org.hlf.mentor.sandbox.SandboxApi.adminContact;
import static org.hlf.mentor.sandbox.SandboxApi.clearFaults;
import static org.hlf.mentor.sandbox.SandboxApi.dataApi;
import static org.hlf.mentor.sandbox.SandboxApi.heldCalls;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.newClient;
import static org.hlf.mentor.sandbox.SandboxApi.putFault;
import static org.hlf.mentor.sandbox.SandboxApi.putLimits;
import static org.hlf.mentor.sandbox.SandboxApi.releaseHeld;
import static org.hlf.mentor.sandbox.SandboxApi.requestsFor;
import static org.hlf.mentor.sandbox.SandboxApi.restoreLimits;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.setVisibility;
import static org.hlf.mentor.sandbox.SandboxApi.token;

/** The hold gate: a test stops a call, changes the world, and decides when the call goes on. */
@QuarkusTest
class HoldFaultTest {

    private String token;
    private UUID mentorId;

    @BeforeEach
    void newClientAndContact() {
        token = token(newClient());
        mentorId = seedContact();
    }

    @AfterEach
    void clear() {
        clearFaults();
        restoreLimits();
    }

    @Test
    void heldPatchWaitsForTheReleaseThenWrites() {
        putFault("{\"hold\": true, \"count\": 1, \"method\": \"PATCH\", \"mentorId\": \"" + mentorId + "\"}");

        CompletableFuture<Response> patch = CompletableFuture.supplyAsync(() -> hide(token, mentorId));
        awaitHeld(1);

        assertThat(patch).isNotDone();
        assertThat(adminContact(mentorId).getBoolean("visible")).isTrue();
        given().post("/sandbox/faults/release").then().statusCode(200).body("released", equalTo(1));

        assertThat(patch.join().statusCode()).isEqualTo(204);
        assertThat(adminContact(mentorId).getBoolean("visible")).isFalse();
        assertThat(heldCalls()).isZero();
        assertThat(requestsFor(mentorId)).singleElement()
                .satisfies(entry -> assertThat((String) entry.get("note")).matches("held \\d+ ms, released"));
    }

    @Test
    void heldGetAnswersWhatTheStoreHoldsAtRelease() {
        putFault("{\"hold\": true, \"count\": 1, \"method\": \"GET\"}");

        CompletableFuture<Response> read = CompletableFuture.supplyAsync(() ->
                dataApi(token).queryParam("$select", "hlf_showonwebsite").get(SandboxApi.contactPath(mentorId)));
        awaitHeld(1);
        hide(token, mentorId).then().statusCode(204);
        releaseHeld();
        setVisibility(token, mentorId, true).then().statusCode(204);

        read.join().then().statusCode(200).body("hlf_showonwebsite", equalTo(false));
    }

    @Test
    void holdOnlyMatchesItsMethodAndMentor() {
        UUID other = seedContact();
        putFault("{\"hold\": true, \"method\": \"PATCH\", \"mentorId\": \"" + mentorId + "\"}");

        hide(token, other).then().statusCode(204);
        dataApi(token).get(SandboxApi.contactPath(mentorId)).then().statusCode(200);

        assertThat(heldCalls()).isZero();
    }

    @Test
    void heldCallGoesOnByItselfAfterHoldMaxMs() {
        putFault("{\"hold\": true, \"count\": 1, \"holdMaxMs\": 300}");

        Response patch = hide(token, mentorId);

        patch.then().statusCode(204);
        assertThat(patch.timeIn(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
        assertThat(requestsFor(mentorId)).singleElement()
                .satisfies(entry -> assertThat((String) entry.get("note")).endsWith("ms, holdMaxMs passed"));
    }

    @Test
    void holdCombinesWithAStatusThatAppliesAfterTheRelease() {
        putFault("{\"hold\": true, \"count\": 1, \"status\": 503}");

        CompletableFuture<Response> patch = CompletableFuture.supplyAsync(() -> hide(token, mentorId));
        awaitHeld(1);
        releaseHeld();

        assertThat(patch.join().statusCode()).isEqualTo(503);
        assertThat(requestsFor(mentorId)).singleElement()
                .satisfies(entry -> assertThat((String) entry.get("note")).matches("held \\d+ ms, released, then injected 503"));
    }

    @Test
    void listingShowsHeldCallsPerRuleUntilReleased() {
        putFault("{\"hold\": true, \"count\": 2}");

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> hide(token, mentorId));
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> setVisibility(token, mentorId, true));
        awaitHeld(2);

        given().get("/sandbox/faults").then().statusCode(200)
                .body("held", equalTo(List.of(2)))
                .body("remaining", equalTo(List.of(0)))
                .body("spec.hold", equalTo(List.of(true)));
        assertThat(releaseHeld()).isEqualTo(2);
        assertThat(first.join().statusCode()).isEqualTo(204);
        assertThat(second.join().statusCode()).isEqualTo(204);
        given().get("/sandbox/faults").then().body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void clearingTheFaultsLetsHeldCallsGoOn() {
        putFault("{\"hold\": true}");
        CompletableFuture<Response> patch = CompletableFuture.supplyAsync(() -> hide(token, mentorId));
        awaitHeld(1);

        clearFaults();

        assertThat(patch.join().statusCode()).isEqualTo(204);
        assertThat(releaseHeld()).isZero();
    }

    @Test
    void heldCallKeepsItsConcurrencySlot() {
        putLimits("{\"concurrent\": 1}");
        addFault("{\"hold\": true, \"count\": 1}");
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> hide(token, mentorId));
        awaitHeld(1);

        hide(token, mentorId).then().statusCode(429).body("error.code", equalTo("0x80072326"));

        releaseHeld();
        assertThat(held.join().statusCode()).isEqualTo(204);
        hide(token, mentorId).then().statusCode(204);
    }

    @Test
    void invalidHoldFieldsAreRefused() {
        given().contentType(ContentType.JSON).body("{\"holdMaxMs\": 100, \"status\": 503}")
                .post("/sandbox/faults")
                .then().statusCode(400).body("errors", hasItem("holdMaxMs only applies to a rule with \"hold\": true"));
        given().contentType(ContentType.JSON).body("{\"hold\": true, \"method\": \"GET / HTTP\"}")
                .post("/sandbox/faults")
                .then().statusCode(400).body("errors", hasItem("method must be an HTTP method such as GET, PATCH or POST"));
        given().post("/sandbox/faults/release").then().statusCode(200).body("released", equalTo(0));
        assertThat(given().get("/sandbox/faults").then().extract().jsonPath().getList("$", Map.class)).isEmpty();
    }

    private static void awaitHeld(int calls) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> heldCalls() == calls);
    }
}
