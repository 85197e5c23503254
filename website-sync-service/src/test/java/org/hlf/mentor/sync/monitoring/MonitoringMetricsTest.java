package org.hlf.mentor.sync.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Ops;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.Reconciles;
import org.hlf.mentor.sync.RosterStub;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.MonitoringContract;
import org.junit.jupiter.api.Test;

/**
 * Every metric that the alert rules and the Grafana dashboard (deploy/monitoring) read from website-sync-service is
 * on its /q/metrics: a real scrape of the running service, after it has done what registers the lazily created
 * meters (a sync, a dead letter, a reconciliation, API calls). A misspelt or removed metric fails here instead of
 * leaving an alert that can never fire.
 */
@QuarkusTest
class MonitoringMetricsTest {

    @Inject
    Pool pool;

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsExposed() {
        String chapter = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        UUID synced = UUID.randomUUID();
        Portal.seed(chapter, true, synced);
        Events.send(Events.event(synced, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        SyncDb.awaitState(pool, synced, "IN_SYNC");
        // no contact in the portal: refused for good (404) and dead-lettered at once
        UUID missing = UUID.randomUUID();
        Events.send(Events.event(missing, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, missing.toString(), 1, SyncDb.WAIT);
        RosterStub.serve(chapter, List.of(new RosterStub.Mentor(synced, MentorStatus.PAUSED, 2)), 1000);
        assertThat(Reconciles.run(chapter).getString("state")).isEqualTo("DONE");
        Ops.ops().get("/api/v1/website-sync/" + synced + "/status").then().statusCode(200);

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(MonitoringContract.ownedBy(MonitoringContract.WEBSITE_SYNC_SERVICE))
                .as("metrics of website-sync-service that deploy/monitoring reads").isGreaterThan(10);
        assertThat(MonitoringContract.missing(scrape, MonitoringContract.WEBSITE_SYNC_SERVICE))
                .as("read by deploy/monitoring (name -> where) but not on website-sync-service's /q/metrics").isEmpty();
        assertThat(MonitoringContract.unowned())
                .as("read by deploy/monitoring but made by no service (a misspelling?)").isEmpty();
    }
}
