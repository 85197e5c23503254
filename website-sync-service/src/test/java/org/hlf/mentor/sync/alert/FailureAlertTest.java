package org.hlf.mentor.sync.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.PortalMockResource;
import org.hlf.mentor.sync.SyncDb;
import org.junit.jupiter.api.Test;

/** N consecutive failures (3 in %test) open one incident: one webhook POST; the next success resolves it. */
@QuarkusTest
class FailureAlertTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    FailureAlerts alerts;

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
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1)
                .willReturn(aResponse().withStatus(403)));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);
        return mentor;
    }

    private void succeed() {
        UUID mentor = UUID.randomUUID();
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        await().atMost(WAIT).until(() -> SyncDb.state(pool, mentor).map(r -> r.getString("state")).orElse(""),
                "IN_SYNC"::equals);
    }

    private static int hooks(String containing) {
        return Portal.mock().find(postRequestedFor(urlPathEqualTo(PortalMockResource.ALERT_PATH))
                .withRequestBody(containing(containing))).size();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
