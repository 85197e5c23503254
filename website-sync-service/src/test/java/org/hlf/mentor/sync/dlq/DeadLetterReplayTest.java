package org.hlf.mentor.sync.dlq;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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

/** Ops list and replay dead letters; a replay goes through the version check like a live event. */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String DLQ = "/api/v1/website-sync/dlq";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void replayByMentorAppliesTheLetterOnceAndASecondReplaySkipsIt() {
        UUID mentor = UUID.randomUUID();
        failWith(mentor, 503);
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);

        ops().get(DLQ + "?mentorId=" + mentor).then().statusCode(200).body("$", hasSize(1))
                .body("[0].mentorId", equalTo(mentor.toString())).body("[0].reason", equalTo("exhausted"))
                .body("[0].attempts", equalTo(4)).body("[0].httpStatus", equalTo(503))
                .body("[0].sourceTopic", equalTo(Topics.MENTOR_STATUS_CHANGED));
        failWith(mentor, 204);

        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("replayed", equalTo(1)).body("skippedStale", equalTo(0))
                .body("failed", equalTo(0));
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getString("state")).isEqualTo("IN_SYNC");
        assertThat(Portal.patchCount(mentor)).isEqualTo(5);

        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("replayed", equalTo(0)).body("skippedStale", equalTo(1));
        assertThat(Portal.patchCount(mentor)).isEqualTo(5);
        assertThat(SyncDb.log(pool, mentor).stream().map(r -> r.getString("source") + ":" + r.getString("outcome")))
                .containsExactly("EVENT:DEAD_LETTERED", "REPLAY:APPLIED", "REPLAY:SKIPPED_STALE");
    }

    @Test
    void replayingAnOldDeadLetterNeverShowsAPausedMentorAgain() {
        UUID mentor = UUID.randomUUID();
        failWith(mentor, 404);
        Events.send(Events.event(mentor, MentorStatus.EXPIRED_CERT, MentorStatus.ACTIVE, 1));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);
        failWith(mentor, 204);
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        await().atMost(WAIT).until(() -> SyncDb.state(pool, mentor).map(r -> r.getString("state")).orElse(""),
                "IN_SYNC"::equals);

        ops().body("{\"mentorId\": \"" + mentor + "\"}").post(DLQ + "/replay").then().statusCode(200)
                .body("matched", equalTo(1)).body("replayed", equalTo(0)).body("skippedStale", equalTo(1));
        var bodies = Portal.patches(mentor).stream().map(e -> e.getRequest().getBodyAsString().replace(" ", "")).toList();
        assertThat(bodies).containsExactly("{\"hlf_showonwebsite\":true}", "{\"hlf_showonwebsite\":false}");
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isFalse();
    }

    @Test
    void replayByTimeRangeTakesOnlyTheLettersOfThatRange() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        failWith(early, 404);
        failWith(late, 404);
        Events.send(Events.event(early, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, early.toString(), 1, WAIT);
        Events.send(Events.event(late, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, late.toString(), 1, WAIT);
        String lateAt = ops().get(DLQ + "?mentorId=" + late).then().statusCode(200).extract().path("[0].deadLetteredAt");
        String earlyAt = ops().get(DLQ + "?mentorId=" + early).then().statusCode(200).extract().path("[0].deadLetteredAt");
        assertThat(lateAt).isNotEqualTo(earlyAt);
        failWith(early, 204);
        failWith(late, 204);

        ops().get(DLQ + "?from=" + lateAt + "&to=" + lateAt).then().statusCode(200).body("$", hasSize(1))
                .body("[0].mentorId", equalTo(late.toString()));
        ops().body("{\"from\": \"" + lateAt + "\", \"to\": \"" + lateAt + "\"}").post(DLQ + "/replay").then()
                .statusCode(200).body("matched", equalTo(1)).body("replayed", equalTo(1));
        assertThat(Portal.patchCount(late)).isEqualTo(2);
        assertThat(Portal.patchCount(early)).isEqualTo(1);
        assertThat(SyncDb.state(pool, early).orElseThrow().getString("state")).isEqualTo("FAILED");
    }

    private static void failWith(UUID mentor, int status) {
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1)
                .willReturn(aResponse().withStatus(status)));
    }

    private static RequestSpecification ops() {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON);
    }

}
