package org.hlf.mentor.sync.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The website-sync HTTP API: each endpoint, each role, the ACTIVE-only rule for visibility, bad input. */
@QuarkusTest
class WebsiteSyncApiTest {

    private static final String BASE = "/api/v1/website-sync/";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void statusShowsTheSyncStateToOpsAdminAndTheMentorsOwnCoordinatorOnly() {
        UUID mentor = synced("bergen", MentorStatus.PAUSED);

        for (String token : new String[] {TestTokens.ops(), TestTokens.admin(), TestTokens.coordinator("bergen")}) {
            as(token).get(BASE + mentor + "/status").then().statusCode(200)
                    .body("mentorId", equalTo(mentor.toString())).body("desiredVisible", equalTo(false))
                    .body("portalVisible", equalTo(false)).body("state", equalTo("IN_SYNC"))
                    .body("lastEventVersion", equalTo(2)).body("consecutiveFailures", equalTo(0))
                    .body("lastError", nullValue());
        }
        as(TestTokens.coordinator("oslo")).get(BASE + mentor + "/status").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.system()).get(BASE + mentor + "/status").then().statusCode(403)
                .contentType("application/problem+json");
        given().get(BASE + mentor + "/status").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired()).get(BASE + mentor + "/status").then().statusCode(401);
        given().auth().oauth2(TestTokens.unsigned()).get(BASE + mentor + "/status").then().statusCode(401);
        as(TestTokens.ops()).get(BASE + UUID.randomUUID() + "/status").then().statusCode(404);
    }

    @Test
    void restoreIsRefusedForAPausedMentorAndChangesNothing() {
        UUID mentor = synced("oslo", MentorStatus.PAUSED);

        as(TestTokens.ops()).post(BASE + mentor + "/restore").then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("PAUSED"));
        as(TestTokens.admin()).body("{\"isVisible\": true}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(409).body("currentStatus", equalTo("PAUSED"));
        as(TestTokens.ops()).post(BASE + UUID.randomUUID() + "/restore").then().statusCode(409)
                .body("currentStatus", equalTo("UNKNOWN"));

        assertThat(Portal.patchCount(mentor)).isEqualTo(1);
        assertThat(SyncDb.log(pool, mentor)).hasSize(1);
    }

    @Test
    void restoreAndSyncVisibilityShowAnActiveMentorAndHideHidesIt() {
        UUID mentor = synced("oslo", MentorStatus.ACTIVE);

        as(TestTokens.ops()).post(BASE + mentor + "/hide").then().statusCode(200)
                .body("portalVisible", equalTo(false)).body("desiredVisible", equalTo(true))
                .body("state", equalTo("PENDING"));
        as(TestTokens.admin()).post(BASE + mentor + "/restore").then().statusCode(200)
                .body("portalVisible", equalTo(true)).body("state", equalTo("IN_SYNC"));
        as(TestTokens.ops()).body("{\"isVisible\": false}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(200).body("portalVisible", equalTo(false));
        as(TestTokens.ops()).body("{\"isVisible\": true}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(200).body("portalVisible", equalTo(true));

        var bodies = Portal.patches(mentor).stream().map(e -> e.getRequest().getBodyAsString().replace(" ", "")).toList();
        assertThat(bodies).containsExactly("{\"hlf_showonwebsite\":true}", "{\"hlf_showonwebsite\":false}",
                "{\"hlf_showonwebsite\":true}", "{\"hlf_showonwebsite\":false}", "{\"hlf_showonwebsite\":true}");
        as(TestTokens.ops()).get(BASE + mentor + "/log").then().statusCode(200).body("$", hasSize(5))
                .body("[0].action", equalTo("RESTORE")).body("[0].source", equalTo("API"))
                .body("[0].actor", containsString("ops-")).body("[4].source", equalTo("EVENT"));
        as(TestTokens.ops()).get(BASE + mentor + "/log?limit=2").then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void hideOfAMentorNeverSeenStillHidesItAndAPortalFailureIsABadGateway() {
        UUID unknown = UUID.randomUUID();
        as(TestTokens.ops()).post(BASE + unknown + "/hide").then().statusCode(200).body("state", equalTo("UNTRACKED"));
        assertThat(Portal.patchCount(unknown)).isEqualTo(1);

        UUID missing = UUID.randomUUID();
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(missing))).atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"0x80040217\",\"message\":\"x\"}}")));
        as(TestTokens.ops()).post(BASE + missing + "/hide").then().statusCode(404).contentType("application/problem+json");
        UUID broken = UUID.randomUUID();
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(broken))).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        as(TestTokens.ops()).post(BASE + broken + "/hide").then().statusCode(502).contentType("application/problem+json");
        assertThat(Portal.patchCount(broken)).isEqualTo(4);
    }

    @Test
    void retryPushesTheDesiredVisibilityOfAFailedSyncAgain() {
        UUID mentor = UUID.randomUUID();
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        Events.send(Events.event(mentor, "oslo", MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        await().atMost(WAIT).until(() -> SyncDb.state(pool, mentor).map(r -> r.getString("state")).orElse(""),
                "FAILED"::equals);
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1)
                .willReturn(aResponse().withStatus(204)));

        as(TestTokens.ops()).post(BASE + mentor + "/retry").then().statusCode(200).body("state", equalTo("IN_SYNC"))
                .body("consecutiveFailures", equalTo(0)).body("portalVisible", equalTo(false));
        assertThat(Portal.patchCount(mentor)).isEqualTo(2);
        as(TestTokens.ops()).post(BASE + UUID.randomUUID() + "/retry").then().statusCode(404);
    }

    @Test
    void reconcileRepairsDriftAndReportsCounts() {
        String chapter = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        UUID drifted = synced(chapter, MentorStatus.PAUSED);
        UUID fine = synced(chapter, MentorStatus.ACTIVE);
        UUID gone = synced(chapter, MentorStatus.ACTIVE);
        readAnswers(drifted, "true");
        readAnswers(fine, "true");
        Portal.mock().register(get(urlPathEqualTo(Portal.contactPath(gone))).atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"0x80040217\",\"message\":\"x\"}}")));

        as(TestTokens.ops()).post(BASE + "reconcile?chapterId=" + chapter).then().statusCode(200)
                .body("checked", equalTo(3)).body("inSync", equalTo(1)).body("repaired", equalTo(1))
                .body("missingInPortal", equalTo(1)).body("failed", equalTo(0));
        assertThat(Portal.patches(drifted)).hasSize(2);
        assertThat(Portal.patches(drifted).get(1).getRequest().getBodyAsString()).contains("false");
        assertThat(Portal.patches(fine)).hasSize(1);
        assertThat(Portal.requests("GET", Portal.contactPath(drifted)).get(0).getRequest().queryParameter("$select")
                .firstValue()).isEqualTo("hlf_showonwebsite");
        as(TestTokens.admin()).post(BASE + "reconcile").then().statusCode(403);
        as(TestTokens.ops()).post(BASE + "reconcile?chapterId=Bad_Chapter").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsA400ProblemThatChangesNothing() {
        UUID mentor = synced("oslo", MentorStatus.ACTIVE);
        String ops = TestTokens.ops();

        as(ops).post(BASE + "not-a-uuid/hide").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("mentorId"));
        as(ops).body("{\"isVisible\": true, \"extra\": 1}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("extra"));
        as(ops).body("{}").post(BASE + mentor + "/sync-visibility").then().statusCode(400)
                .contentType("application/problem+json");
        as(ops).body("{\"isVisible\": \"maybe\"}").post(BASE + mentor + "/sync-visibility").then().statusCode(400)
                .contentType("application/problem+json");
        as(ops).body("{not json").post(BASE + mentor + "/sync-visibility").then().statusCode(400)
                .contentType("application/problem+json");
        as(ops).body("{\"isVisible\": false, \"pad\": \"" + "x".repeat(20_000) + "\"}")
                .post(BASE + mentor + "/sync-visibility").then().statusCode(400).contentType("application/problem+json");
        as(ops).get(BASE + mentor + "/log?limit=0").then().statusCode(400).contentType("application/problem+json");
        as(ops).get(BASE + "dlq?from=yesterday").then().statusCode(400).contentType("application/problem+json");
        as(ops).get(BASE + "dlq?mentorId=42").then().statusCode(400).contentType("application/problem+json");
        as(ops).body("{\"from\": \"2026-02-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}")
                .post(BASE + "dlq/replay").then().statusCode(400).contentType("application/problem+json");

        assertThat(Portal.patchCount(mentor)).isEqualTo(1);
        assertThat(SyncDb.log(pool, mentor)).hasSize(1);
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isTrue();
    }

    @Test
    void rolesOfTheManualOperations() {
        UUID mentor = synced("oslo", MentorStatus.ACTIVE);
        for (String path : new String[] {"/hide", "/restore", "/retry", "/log"}) {
            var call = path.equals("/log") ? as(TestTokens.coordinator("oslo")).get(BASE + mentor + path)
                    : as(TestTokens.coordinator("oslo")).post(BASE + mentor + path);
            call.then().statusCode(403).contentType("application/problem+json");
            (path.equals("/log") ? as(TestTokens.system()).get(BASE + mentor + path)
                    : as(TestTokens.system()).post(BASE + mentor + path)).then().statusCode(403);
        }
        as(TestTokens.admin()).get(BASE + "dlq").then().statusCode(403);
        as(TestTokens.coordinator("oslo")).post(BASE + "dlq/replay").then().statusCode(403);
        assertThat(Portal.patchCount(mentor)).isEqualTo(1);
    }

    @Test
    void hideWithoutBodyOrContentTypeWorks() {
        UUID mentor = synced("oslo", MentorStatus.ACTIVE);
        given().auth().oauth2(TestTokens.ops()).post(BASE + mentor + "/hide").then().statusCode(200)
                .body("portalVisible", equalTo(false));
    }

    /** A mentor whose event was applied: one PATCH so far. */
    private UUID synced(String chapter, MentorStatus status) {
        UUID mentor = UUID.randomUUID();
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, status, 2));
        await().atMost(WAIT).until(() -> SyncDb.state(pool, mentor).map(r -> r.getString("state")).orElse(""),
                "IN_SYNC"::equals);
        return mentor;
    }

    private static void readAnswers(UUID mentor, String visible) {
        Portal.mock().register(get(urlPathEqualTo(Portal.contactPath(mentor))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"@odata.etag\":\"W/\\\"1\\\"\",\"hlf_showonwebsite\":" + visible
                                + ",\"contactid\":\"" + UUID.randomUUID() + "\"}")));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String dlq() {
        return Topics.WEBSITE_SYNC_DLQ;
    }
}
