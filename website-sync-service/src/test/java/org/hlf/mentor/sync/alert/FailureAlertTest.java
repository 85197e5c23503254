package org.hlf.mentor.sync.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.PauseServiceStub;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.RosterStub;
import org.hlf.mentor.sync.SyncDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts from the failure ratio of all replicas' portal writes over a window (5 s in %test, at least 3 failures,
 * fire at 20 %, resolve at 5 %), and from refusals that will recur; the incident state lives in the database. The
 * webhook receiver is on {@link PauseServiceStub}. Each test starts from a window without failures.
 */
@QuarkusTest
class FailureAlertTest {

    private static final Duration WAIT = SyncDb.WAIT;

    @Inject
    Pool pool;

    @Inject
    KafkaClientService kafka;

    private final String chapter = "alert-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void quietWindow() {
        // earlier tests of this JVM fail on purpose: start when the window has forgotten them
        await().atMost(WAIT).until(() -> pool.query("""
                SELECT count(*) FROM website_sync_log WHERE failure IS NOT NULL
                   AND created_at > now() - interval '6 seconds'""").execute().await().indefinitely()
                .iterator().next().getLong(0) == 0);
        if (firing(AlertRules.FAILING)) {
            succeed();
        }
        await().atMost(WAIT).until(() -> !firing(AlertRules.FAILING) && !firing(AlertRules.REJECTED));
    }

    @AfterEach
    void clearFaults() {
        Portal.admin().clearFaults();
    }

    @Test
    void firesOnceWhenFailuresOutweighSuccessesAndResolvesWhenWritesSucceedAgain() {
        int firing = hooks(AlertRules.FAILING, "firing");
        int resolved = hooks(AlertRules.FAILING, "resolved");
        succeed();

        fail(503);
        fail(503);
        assertThat(hooks(AlertRules.FAILING, "firing")).isEqualTo(firing);
        fail(503);
        await().atMost(WAIT).until(() -> hooks(AlertRules.FAILING, "firing") == firing + 1);
        fail(503);
        assertThat(metrics()).contains("website_sync_incident{alert=\"WebsiteSyncFailing\"} 1.0")
                .contains("website_sync_alerts_total{alert=\"WebsiteSyncFailing\"}")
                .contains("website_sync_failure_ratio");

        // the failures leave the window; writes succeed: one "resolved"
        await().atMost(WAIT).until(() -> failuresInWindow() == 0);
        succeed();
        await().atMost(WAIT).until(() -> hooks(AlertRules.FAILING, "resolved") == resolved + 1);
        assertThat(hooks(AlertRules.FAILING, "firing")).isEqualTo(firing + 1);
        assertThat(metrics()).contains("website_sync_incident{alert=\"WebsiteSyncFailing\"} 0.0")
                .contains("website_sync_consecutive_failures 0.0").contains("ft_circuitbreaker_state_total")
                .contains("kafka_consumer");
    }

    @Test
    void aSteadyShareOfFailingPartsInBatchesOpensOneIncidentAndDoesNotFlap() {
        int firing = hooks(AlertRules.FAILING, "firing");
        int resolved = hooks(AlertRules.FAILING, "resolved");

        batchWithFailures(20, 6);
        await().atMost(WAIT).until(() -> hooks(AlertRules.FAILING, "firing") == firing + 1);
        batchWithFailures(20, 6);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> hooks(AlertRules.FAILING, "firing") == firing + 1
                        && hooks(AlertRules.FAILING, "resolved") == resolved);
    }

    @Test
    void aMentorThePortalAlwaysRefusesAmongSuccessesRaisesTheRejectedAlert() {
        int failing = hooks(AlertRules.FAILING, "firing");
        int rejected = hooks(AlertRules.REJECTED, "firing");
        for (int i = 0; i < 10; i++) {
            succeed();
        }

        UUID missing = UUID.randomUUID();
        Events.send(Events.event(missing, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, missing.toString(), 1, WAIT);

        await().atMost(WAIT).until(() -> hooks(AlertRules.REJECTED, "firing") == rejected + 1);
        assertThat(hooks(AlertRules.FAILING, "firing")).as("1 of 11 is under the failing ratio").isEqualTo(failing);
        // no refusal for a window: it ends
        await().atMost(WAIT).until(() -> !firing(AlertRules.REJECTED));
    }

    @Test
    void anIncidentLeftOpenByAStoppedProcessIsResolvedByTheNextOne() {
        int resolved = hooks(AlertRules.FAILING, "resolved");
        pool.preparedQuery("""
                INSERT INTO alert_incident (alert, state, started_at, detail, updated_at)
                VALUES ($1, 'FIRING', now() - interval '10 minutes', 'left open', now())
                ON CONFLICT (alert) DO UPDATE SET state = 'FIRING', started_at = now() - interval '10 minutes'""")
                .execute(Tuple.of(AlertRules.FAILING)).await().atMost(WAIT);

        succeed();

        await().atMost(WAIT).until(() -> hooks(AlertRules.FAILING, "resolved") == resolved + 1);
        assertThat(firing(AlertRules.FAILING)).isFalse();
    }

    private UUID fail(int status) {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        Portal.admin().addFault("{\"status\":" + status + ",\"mentorId\":\"" + mentor + "\"}");
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT);
        return mentor;
    }

    private void succeed() {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        SyncDb.awaitState(pool, mentor, "IN_SYNC");
    }

    /** One poll: {@code total} mentors, the first {@code failing} answered 503 in every round, as one $batch. */
    private void batchWithFailures(int total, int failing) {
        List<MentorStatusChanged> events = new ArrayList<>();
        List<UUID> mentors = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            UUID mentor = UUID.randomUUID();
            mentors.add(mentor);
            events.add(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
            if (i < failing) {
                Portal.admin().addFault("{\"status\":503,\"mentorId\":\"" + mentor + "\"}");
            }
        }
        Portal.seed(chapter, true, mentors.toArray(UUID[]::new));
        var consumer = kafka.getConsumer(Topics.MENTOR_STATUS_CHANGED);
        consumer.pause().await().atMost(WAIT);
        try {
            Events.sendAll(events);
        } finally {
            consumer.resume().await().atMost(WAIT);
        }
        mentors.subList(failing, total).forEach(m -> SyncDb.awaitState(pool, m, "IN_SYNC"));
        mentors.subList(0, failing).forEach(m -> SyncDb.awaitState(pool, m, "FAILED"));
    }

    private long failuresInWindow() {
        return pool.query("SELECT count(*) FROM website_sync_log WHERE failure IS NOT NULL "
                + "AND created_at > now() - interval '5 seconds'").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    private boolean firing(String alert) {
        var rows = pool.preparedQuery("SELECT state FROM alert_incident WHERE alert = $1").execute(Tuple.of(alert))
                .await().indefinitely();
        return rows.size() == 1 && "FIRING".equals(rows.iterator().next().getString(0));
    }

    private static int hooks(String alert, String status) {
        return RosterStub.wireMock().find(postRequestedFor(urlPathEqualTo(PauseServiceStub.ALERT_PATH))
                .withRequestBody(containing("\"alert\":\"" + alert + "\""))
                .withRequestBody(containing("\"status\":\"" + status + "\""))).size();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
