package org.hlf.mentor.sync.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.OpenApiSecurity;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The website-sync HTTP API: each endpoint, each role, the ACTIVE-only rule for visibility, bad input. The portal is
 * the Dataverse sandbox; each test's mentors have contacts in a chapter of that test's own. Reconciliation is a job
 * now, covered by {@code reconcile.ReconcileTest}.
 */
@QuarkusTest
class WebsiteSyncApiTest {

    private static final String BASE = "/api/v1/website-sync/";

    @Inject
    Pool pool;

    @AfterEach
    void clearFaults() {
        Portal.admin().clearFaults();
    }

    @Test
    void openApiRequiresTheBearerSchemeOfEveryOperationWithItsRoles() throws Exception {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(OpenApiSecurity.unguardedOperations(doc, "jwt")).isEmpty();
        assertThat(JsonPath.from(doc).getList("paths.'/api/v1/website-sync/dlq/replay'.post.security[0].jwt",
                String.class)).containsExactly("ops");
    }

    @Test
    void statusShowsTheSyncStateToOpsAdminAndTheMentorsOwnCoordinatorOnly() {
        String chapter = chapter();
        UUID mentor = synced(chapter, MentorStatus.PAUSED);

        for (String token : new String[] {TestTokens.ops(), TestTokens.admin(), TestTokens.coordinator(chapter)}) {
            as(token).get(BASE + mentor + "/status").then().statusCode(200)
                    .body("mentorId", equalTo(mentor.toString())).body("desiredVisible", equalTo(false))
                    .body("portalVisible", equalTo(false)).body("state", equalTo("IN_SYNC"))
                    .body("lastEventVersion", equalTo(2)).body("consecutiveFailures", equalTo(0))
                    .body("lastError", nullValue());
        }
        as(TestTokens.coordinator(chapter())).get(BASE + mentor + "/status").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.system()).get(BASE + mentor + "/status").then().statusCode(403)
                .contentType("application/problem+json");
        given().get(BASE + mentor + "/status").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired()).get(BASE + mentor + "/status").then().statusCode(401);
        given().auth().oauth2(TestTokens.unsigned()).get(BASE + mentor + "/status").then().statusCode(401);
        as(TestTokens.ops()).get(BASE + UUID.randomUUID() + "/status").then().statusCode(404);
    }

    /**
     * Nothing is written and the state stays; the write path records each refusal in the audit log (outcome
     * REFUSED), and an unknown mentor leaves no row at all.
     */
    @Test
    void restoreIsRefusedForAPausedMentorAndChangesNothing() {
        UUID mentor = synced(chapter(), MentorStatus.PAUSED);
        UUID unknown = UUID.randomUUID();

        as(TestTokens.ops()).post(BASE + mentor + "/restore").then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("PAUSED"));
        as(TestTokens.admin()).body("{\"isVisible\": true}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(409).body("currentStatus", equalTo("PAUSED"));
        as(TestTokens.ops()).post(BASE + unknown + "/restore").then().statusCode(409)
                .body("currentStatus", equalTo("UNKNOWN"));

        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
        assertThat(Portal.visible(mentor)).isFalse();
        assertThat(SyncDb.outcomes(pool, mentor)).containsExactly("APPLIED", "REFUSED", "REFUSED");
        var state = SyncDb.state(pool, mentor).orElseThrow();
        assertThat(state.getString("state")).isEqualTo("IN_SYNC");
        assertThat(state.getBoolean("portal_visible")).isFalse();
        assertThat(Portal.writeCount(unknown)).isZero();
        assertThat(SyncDb.log(pool, unknown)).isEmpty();
        assertThat(SyncDb.state(pool, unknown)).isEmpty();
    }

    @Test
    void restoreAndSyncVisibilityShowAnActiveMentorAndHideHidesIt() {
        UUID mentor = synced(chapter(), MentorStatus.ACTIVE);

        as(TestTokens.ops()).post(BASE + mentor + "/hide").then().statusCode(200)
                .body("portalVisible", equalTo(false)).body("desiredVisible", equalTo(true))
                .body("state", equalTo("PENDING"));
        assertThat(Portal.visible(mentor)).isFalse();
        as(TestTokens.admin()).post(BASE + mentor + "/restore").then().statusCode(200)
                .body("portalVisible", equalTo(true)).body("state", equalTo("IN_SYNC"));
        assertThat(Portal.visible(mentor)).isTrue();
        as(TestTokens.ops()).body("{\"isVisible\": false}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(200).body("portalVisible", equalTo(false));
        assertThat(Portal.visible(mentor)).isFalse();
        as(TestTokens.ops()).body("{\"isVisible\": true}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(200).body("portalVisible", equalTo(true));
        assertThat(Portal.visible(mentor)).isTrue();

        assertThat(Portal.writes(mentor)).extracting(SandboxRequest::status).containsOnly(204).hasSize(5);
        assertThat(Portal.written(mentor)).containsExactly(true, false, true, false, true);
        as(TestTokens.ops()).get(BASE + mentor + "/log").then().statusCode(200).body("$", hasSize(5))
                .body("[0].action", equalTo("RESTORE")).body("[0].source", equalTo("API"))
                .body("[0].actor", containsString("ops-")).body("[4].source", equalTo("EVENT"));
        as(TestTokens.ops()).get(BASE + mentor + "/log?limit=2").then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void hideOfAMentorNeverSeenStillHidesItAndAPortalFailureIsABadGateway() {
        String chapter = chapter();
        UUID unknown = UUID.randomUUID();
        Portal.seed(chapter, true, unknown);
        as(TestTokens.ops()).post(BASE + unknown + "/hide").then().statusCode(200).body("state", equalTo("UNTRACKED"));
        assertThat(Portal.writeCount(unknown)).isEqualTo(1);
        assertThat(Portal.visible(unknown)).isFalse();

        // no contact: the update-only PATCH is answered 404 and creates none
        UUID missing = UUID.randomUUID();
        as(TestTokens.ops()).post(BASE + missing + "/hide").then().statusCode(404).contentType("application/problem+json");
        assertThat(Portal.writes(missing)).extracting(SandboxRequest::status).containsExactly(404);
        assertThat(Portal.visible(missing)).isNull();
        UUID broken = UUID.randomUUID();
        Portal.seed(chapter, true, broken);
        Portal.admin().addFault("{\"status\":503,\"mentorId\":\"" + broken + "\"}");
        as(TestTokens.ops()).post(BASE + broken + "/hide").then().statusCode(502).contentType("application/problem+json");
        assertThat(Portal.writeCount(broken)).isEqualTo(4);
        assertThat(Portal.visible(broken)).isTrue();
    }

    @Test
    void retryPushesTheDesiredVisibilityOfAFailedSyncAgain() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        // no contact yet: the event's PATCH is answered 404 and the sync fails
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        SyncDb.awaitState(pool, mentor, "FAILED");
        Portal.seed(chapter, true, mentor);

        as(TestTokens.ops()).post(BASE + mentor + "/retry").then().statusCode(200).body("state", equalTo("IN_SYNC"))
                .body("consecutiveFailures", equalTo(0)).body("portalVisible", equalTo(false));
        assertThat(Portal.writes(mentor)).extracting(SandboxRequest::status).containsExactly(404, 204);
        assertThat(Portal.visible(mentor)).isFalse();
        as(TestTokens.ops()).post(BASE + UUID.randomUUID() + "/retry").then().statusCode(404);
    }

    @Test
    void forgedAndMistimedTokensAreRefusedAndChangeNothing() {
        UUID mentor = synced(chapter(), MentorStatus.ACTIVE);

        for (String token : new String[] {TestTokens.expired(), TestTokens.issuedInTheFuture(), TestTokens.unsigned(),
            TestTokens.hs256WithPublicKey(), TestTokens.signedByForeignKey(), TestTokens.wrongIssuer(),
            TestTokens.wrongAudience()}) {
            as(token).post(BASE + mentor + "/hide").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }

        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
        assertThat(Portal.visible(mentor)).isTrue();
        assertThat(SyncDb.log(pool, mentor)).hasSize(1);
    }

    @Test
    void badInputIsA400ProblemThatChangesNothing() {
        UUID mentor = synced(chapter(), MentorStatus.ACTIVE);
        String ops = TestTokens.ops();

        as(ops).post(BASE + "not-a-uuid/hide").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("mentorId"));
        as(ops).body("{\"isVisible\": true, \"extra\": 1}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("extra"));
        as(ops).body("{}").post(BASE + mentor + "/sync-visibility").then().statusCode(400)
                .contentType("application/problem+json");
        for (String notABoolean : new String[] {"\"maybe\"", "\"false\"", "0", "null"}) {
            as(ops).body("{\"isVisible\": " + notABoolean + "}").post(BASE + mentor + "/sync-visibility").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        as(ops).body("{not json").post(BASE + mentor + "/sync-visibility").then().statusCode(400)
                .contentType("application/problem+json");
        as(ops).body("{\"isVisible\": false, \"pad\": \"" + "x".repeat(20_000) + "\"}")
                .post(BASE + mentor + "/sync-visibility").then().statusCode(400).contentType("application/problem+json");
        as(ops).contentType("text/plain").body("{\"isVisible\": false}").post(BASE + mentor + "/sync-visibility").then()
                .statusCode(415).contentType("application/problem+json");
        // beyond the HTTP layer's own limit too: refused before it is read, still a problem
        as(ops).body("{\"isVisible\": false, \"pad\": \"" + "x".repeat(2_000_000) + "\"}")
                .post(BASE + mentor + "/sync-visibility").then().statusCode(400).contentType("application/problem+json");
        as(ops).get(BASE + mentor + "/log?limit=0").then().statusCode(400).contentType("application/problem+json");
        as(ops).get(BASE + "dlq?from=yesterday").then().statusCode(400).contentType("application/problem+json");
        as(ops).get(BASE + "dlq?mentorId=42").then().statusCode(400).contentType("application/problem+json");
        as(ops).body("{\"from\": \"2026-02-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}")
                .post(BASE + "dlq/replay").then().statusCode(400).contentType("application/problem+json");

        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
        assertThat(Portal.visible(mentor)).isTrue();
        assertThat(SyncDb.log(pool, mentor)).hasSize(1);
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isTrue();
    }

    @Test
    void rolesOfTheManualOperations() {
        String chapter = chapter();
        UUID mentor = synced(chapter, MentorStatus.ACTIVE);
        for (String path : new String[] {"/hide", "/restore", "/retry", "/log"}) {
            var call = path.equals("/log") ? as(TestTokens.coordinator(chapter)).get(BASE + mentor + path)
                    : as(TestTokens.coordinator(chapter)).post(BASE + mentor + path);
            call.then().statusCode(403).contentType("application/problem+json");
            (path.equals("/log") ? as(TestTokens.system()).get(BASE + mentor + path)
                    : as(TestTokens.system()).post(BASE + mentor + path)).then().statusCode(403);
        }
        as(TestTokens.admin()).get(BASE + "dlq").then().statusCode(403);
        as(TestTokens.coordinator(chapter)).post(BASE + "dlq/replay").then().statusCode(403);
        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
        assertThat(Portal.visible(mentor)).isTrue();
    }

    @Test
    void hideWithoutBodyOrContentTypeWorks() {
        UUID mentor = synced(chapter(), MentorStatus.ACTIVE);
        given().auth().oauth2(TestTokens.ops()).post(BASE + mentor + "/hide").then().statusCode(200)
                .body("portalVisible", equalTo(false));
        assertThat(Portal.visible(mentor)).isFalse();
    }

    /**
     * A mentor with a contact whose event was applied: one PATCH so far. The contact starts out showing the opposite,
     * so that PATCH visibly changed it.
     */
    private UUID synced(String chapter, MentorStatus status) {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, status != MentorStatus.ACTIVE, mentor);
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, status, 2));
        SyncDb.awaitState(pool, mentor, "IN_SYNC");
        assertThat(Portal.written(mentor)).containsExactly(status == MentorStatus.ACTIVE);
        return mentor;
    }

    private static String chapter() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
