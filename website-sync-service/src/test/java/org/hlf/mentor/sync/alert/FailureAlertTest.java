package org.hlf.mentor.sync.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.PauseServiceStub;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.RosterStub;
import org.hlf.mentor.sync.SyncDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * N consecutive failures (3 in %test) open one incident: one webhook POST (to the receiver on {@link PauseServiceStub});
 * the next success resolves it. Failures are 403s the sandbox answers for the failing mentor only.
 */
@QuarkusTest
class FailureAlertTest {

    private static final Duration WAIT = SyncDb.WAIT;

    @Inject
    Pool pool;

    @Inject
    FailureAlerts alerts;

    private final String chapter = "alert-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void clearFaults() {
        Portal.admin().clearFaults();
    }

    @Test
    void alertsOnceAfterThreeConsecutiveFailuresAndResolvesOnTheNextSuccess() {
        succeed();
        assertThat(alerts.consecutiveFailures()).isZero();
        int firing = hooks("\"firing\"");
        int resolved = hooks("\"resolved\"");

        fail();
        fail();
        assertThat(alerts.consecutiveFailures()).isEqualTo(2);
        assertThat(hooks("\"firing\"")).isEqualTo(firing);
        UUID third = fail();
        await().atMost(WAIT).until(() -> hooks("\"firing\"") == firing + 1);
        assertThat(hooks(third.toString())).isEqualTo(1);
        assertThat(metrics()).contains("website_sync_consecutive_failures 3.0");
        fail();
        assertThat(alerts.consecutiveFailures()).isEqualTo(4);

        succeed();
        await().atMost(WAIT).until(() -> hooks("\"resolved\"") == resolved + 1);
        assertThat(hooks("\"firing\"")).isEqualTo(firing + 1);
        assertThat(alerts.consecutiveFailures()).isZero();
        String metrics = metrics();
        assertThat(metrics).contains("website_sync_consecutive_failures 0.0").contains("website_sync_alerts_total")
                .contains("website_sync_syncs_total{outcome=\"applied\"").contains("website_sync_failures_total")
                .contains("website_sync_dead_letters_total{reason=\"rejected\"").contains("website_sync_retries_total")
                .contains("ft_circuitbreaker_state_total").contains("kafka_consumer");
    }

    private UUID fail() {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        Portal.admin().addFault("{\"status\":403,\"mentorId\":\"" + mentor + "\"}");
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);
        assertThat(Portal.writes(mentor)).singleElement().satisfies(call -> assertThat(call.status()).isEqualTo(403));
        return mentor;
    }

    private void succeed() {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        SyncDb.awaitState(pool, mentor, "IN_SYNC");
        assertThat(Portal.visible(mentor)).isFalse();
    }

    private static int hooks(String containing) {
        return RosterStub.wireMock().find(postRequestedFor(urlPathEqualTo(PauseServiceStub.ALERT_PATH))
                .withRequestBody(containing(containing))).size();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
