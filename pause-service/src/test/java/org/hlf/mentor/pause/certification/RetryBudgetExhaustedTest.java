package org.hlf.mentor.pause.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlf.mentor.pause.PauseApi.register;
import static org.hlf.mentor.pause.PauseApi.status;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hlf.mentor.events.CertificationRenewed;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.junit.jupiter.api.Test;

/**
 * A database that stays away longer than the retry budget stops the certification channel instead of
 * dead-lettering the event: liveness turns DOWN so the orchestrator restarts the service, and the uncommitted
 * event is consumed again after the restart.
 */
@QuarkusTest
@TestProfile(ShortRetryBudgetProfile.class)
class RetryBudgetExhaustedTest extends CertificationTopicFixture {

    @Test
    void failureOutlastingTheRetryBudgetStopsTheChannelAndLivenessReportsItWithoutADeadLetter() throws Exception {
        UUID id = register("oslo", TODAY.minusDays(10));
        var renewal = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        live().then().statusCode(200);
        try (PauseDb.RowLock lock = PauseDb.lockMentor(pool, id)) {
            send(id, renewal);
            lock.awaitWaiter();
            // every attempt waits on the row and loses its connection, until the budget is spent
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                lock.terminateWaiters();
                return live().statusCode() == 503
                        || !topics.read(Topics.CERTIFICATION_EVENTS_DLQ, id.toString()).isEmpty();
            });
            lock.release();
        }

        assertThat(topics.read(Topics.CERTIFICATION_EVENTS_DLQ, id.toString())).isEmpty();
        Response live = live();
        assertThat(live.statusCode()).isEqualTo(503);
        assertThat(live.jsonPath().getString("checks.find { it.status == 'DOWN' }.data.'certification-events'"))
                .startsWith("[KO]");
        assertThat(status(id).jsonPath().getString("status")).isEqualTo("EXPIRED_CERT");
        assertThat(processed(renewal.eventId())).isZero();
    }

    private static Response live() {
        return given().get("/q/health/live");
    }
}
