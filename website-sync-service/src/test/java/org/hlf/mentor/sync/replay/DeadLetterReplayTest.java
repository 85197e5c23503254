package org.hlf.mentor.sync.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ops list and replay dead letters; a replay goes through the version check like a live event. A sync fails through a
 * fault aimed at the mentor (503) or because the sandbox has no contact for the mentor yet (404).
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String DLQ = "/api/v1/website-sync/dlq";
    private static final Duration WAIT = SyncDb.WAIT;

    @Inject
    Pool pool;

    @AfterEach
    void clearFaults() {
        Portal.admin().clearFaults();
    }

    @Test
    void replayByMentorAppliesTheLetterOnceAndASecondReplaySkipsIt() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        // exactly the four attempts of the event fail; the rule is used up before the replay
        Portal.admin().addFault("{\"status\":503,\"count\":4,\"mentorId\":\"" + mentor + "\"}");
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);

        ops().get(DLQ + "?mentorId=" + mentor).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].letter.mentorId", equalTo(mentor.toString()))
                .body("items[0].letter.reason", equalTo("exhausted")).body("items[0].letter.attempts", equalTo(4))
                .body("items[0].letter.httpStatus", equalTo(503))
                .body("items[0].letter.sourceTopic", equalTo(Topics.MENTOR_STATUS_CHANGED))
                .body("items[0].replayOutcome", nullValue()).body("remaining", equalTo(0))
                .body("nextCursor", nullValue());
        assertThat(Portal.visible(mentor)).isTrue();

        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("replayed", equalTo(1)).body("skippedStale", equalTo(0))
                .body("failed", equalTo(0));
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getString("state")).isEqualTo("IN_SYNC");
        assertThat(Portal.writes(mentor)).extracting(SandboxRequest::status).containsExactly(503, 503, 503, 503, 204);
        assertThat(Portal.visible(mentor)).isFalse();

        // settled by the first replay: never replayed twice
        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("replayed", equalTo(0)).body("skippedStale", equalTo(0))
                .body("alreadyReplayed", equalTo(1));
        assertThat(Portal.writeCount(mentor)).isEqualTo(5);
        assertThat(SyncDb.log(pool, mentor).stream().map(r -> r.getString("source") + ":" + r.getString("outcome")))
                .containsExactly("EVENT:DEAD_LETTERED", "REPLAY:APPLIED");
        ops().get(DLQ + "?mentorId=" + mentor).then().statusCode(200).body("items[0].replayOutcome",
                equalTo("REPLAYED"));
    }

    @Test
    void replayingAnOldDeadLetterNeverShowsAPausedMentorAgain() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        // no contact yet: the reinstatement's PATCH (show) is answered 404 and dead-lettered
        Events.send(Events.event(mentor, chapter, MentorStatus.EXPIRED_CERT, MentorStatus.ACTIVE, 1));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);
        Portal.seed(chapter, true, mentor);
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        SyncDb.awaitState(pool, mentor, "IN_SYNC");

        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("replayed", equalTo(0)).body("skippedStale", equalTo(1));
        // the sandbox logs the value a call wrote, none for the refused show
        List<SandboxRequest> writes = Portal.writes(mentor);
        assertThat(writes).extracting(SandboxRequest::status).containsExactly(404, 204);
        assertThat(writes).extracting(SandboxRequest::visibility).containsExactly(null, false);
        assertThat(Portal.visible(mentor)).isFalse();
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isFalse();
    }

    @Test
    void replayByTimeRangeTakesOnlyTheLettersOfThatRange() {
        String chapter = chapter();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        // no contacts yet: both syncs are answered 404 and dead-lettered
        Events.send(Events.event(early, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, early.toString(), 1, WAIT);
        Events.send(Events.event(late, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, late.toString(), 1, WAIT);
        String lateAt = ops().get(DLQ + "?mentorId=" + late).then().statusCode(200).extract()
                .path("items[0].letter.deadLetteredAt");
        String earlyAt = ops().get(DLQ + "?mentorId=" + early).then().statusCode(200).extract()
                .path("items[0].letter.deadLetteredAt");
        assertThat(lateAt).isNotEqualTo(earlyAt);
        Portal.seed(chapter, true, early, late);

        ops().get(DLQ + "?from=" + lateAt + "&to=" + lateAt).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].letter.mentorId", equalTo(late.toString()));
        ops().body("{\"from\": \"" + lateAt + "\", \"to\": \"" + lateAt + "\"}").post(DLQ + "/replay").then()
                .statusCode(200).body("matched", equalTo(1)).body("replayed", equalTo(1));
        assertThat(Portal.writes(late)).extracting(SandboxRequest::status).containsExactly(404, 204);
        assertThat(Portal.visible(late)).isFalse();
        assertThat(Portal.writeCount(early)).isEqualTo(1);
        assertThat(Portal.visible(early)).isTrue();
        assertThat(SyncDb.state(pool, early).orElseThrow().getString("state")).isEqualTo("FAILED");
    }

    @Test
    void aLetterThatFailsAgainIsReportedAndMarkedNotDeadLetteredAgain() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        // no contact: the sync is answered 404, dead-lettered; a replay meets the same 404
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);

        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("failed", equalTo(1)).body("replayed", equalTo(0));
        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("failed", equalTo(1));

        assertThat(Events.reader().read(Topics.WEBSITE_SYNC_DLQ, mentor.toString())).hasSize(1);
        ops().get(DLQ + "?mentorId=" + mentor).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].replayOutcome", equalTo("FAILED"));
        assertThat(SyncDb.outcomes(pool, mentor)).containsExactly("DEAD_LETTERED", "FAILED", "FAILED");
        // a failed letter may be replayed again once the cause is mended
        Portal.seed(chapter, true, mentor);
        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("replayed", equalTo(1)).body("failed", equalTo(0));
        assertThat(Portal.visible(mentor)).isFalse();
    }

    @Test
    void replayGoesPageByPageWithACursorAndSaysHowManyRemain() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        for (int version = 1; version <= 5; version++) {
            Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, version));
            Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), version, WAIT);
        }
        Portal.seed(chapter, true, mentor);

        var first = ops().body("{\"mentorId\": \"" + mentor + "\", \"limit\": 2}").post(DLQ + "/replay").then()
                .statusCode(200).body("matched", equalTo(2)).body("remaining", equalTo(3)).extract().jsonPath();
        var second = ops().body("{\"mentorId\": \"" + mentor + "\", \"limit\": 2, \"cursor\": \""
                + first.getString("nextCursor") + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(2)).body("remaining", equalTo(1)).extract().jsonPath();
        ops().body("{\"mentorId\": \"" + mentor + "\", \"limit\": 2, \"cursor\": \""
                + second.getString("nextCursor") + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("remaining", equalTo(0)).body("nextCursor", nullValue());

        // the newest letter (version 5) is written; each older one is stale by then or superseded in its page
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getLong("last_event_version")).isEqualTo(5L);
        assertThat(Portal.visible(mentor)).isFalse();
        ops().get(DLQ + "?mentorId=" + mentor + "&limit=2").then().statusCode(200).body("items", hasSize(2))
                .body("remaining", equalTo(3));
        ops().body("{\"cursor\": \"not-a-cursor\"}").post(DLQ + "/replay").then().statusCode(400)
                .contentType("application/problem+json");
        ops().body("{\"limit\": 0}").post(DLQ + "/replay").then().statusCode(400);
    }

    private static RequestSpecification ops() {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON);
    }

    private static String chapter() {
        return "replay-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
