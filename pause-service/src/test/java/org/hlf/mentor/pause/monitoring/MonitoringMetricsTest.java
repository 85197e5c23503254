package org.hlf.mentor.pause.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.hlf.mentor.pause.PauseApi;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.MonitoringContract;
import org.junit.jupiter.api.Test;

/**
 * Every metric that the alert rules and the Grafana dashboard (deploy/monitoring) read from pause-service is on its
 * /q/metrics: a real scrape of the running service, after transitions that the relay has published (which registers
 * the publish lag and the transition counters). A misspelt or removed metric fails here.
 */
@QuarkusTest
class MonitoringMetricsTest {

    @Inject
    Pool pool;

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsExposed() {
        UUID mentor = PauseApi.registerCertified("metrics");
        PauseApi.pause(mentor).then().statusCode(200);
        PauseApi.lift(mentor).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> new PauseDb(pool).unpublished(mentor) == 0);

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(MonitoringContract.ownedBy(MonitoringContract.PAUSE_SERVICE))
                .as("metrics of pause-service that deploy/monitoring reads").isGreaterThan(5);
        assertThat(MonitoringContract.missing(scrape, MonitoringContract.PAUSE_SERVICE))
                .as("read by deploy/monitoring (name -> where) but not on pause-service's /q/metrics").isEmpty();
    }

    /** The dashboard's API panels group by the uri label: each endpoint's path template, one series per endpoint. */
    @Test
    void apiRequestsAreLabelledByTheirPathTemplate() {
        UUID mentor = PauseApi.registerCertified("metrics");
        PauseApi.pause(mentor).then().statusCode(200);

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(scrape).contains("uri=\"/api/v1/pause-management/{mentorId}/activate\"")
                .contains("uri=\"/api/v1/mentors/{mentorId}\"").doesNotContain("$1").doesNotContain(mentor.toString());
    }
}
