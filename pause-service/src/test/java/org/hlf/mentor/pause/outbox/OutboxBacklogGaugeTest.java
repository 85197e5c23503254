package org.hlf.mentor.pause.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.pause.PauseDb;
import org.junit.jupiter.api.Test;

/**
 * The backlog gauges (alert OutboxBacklogOld) with the relay stopped: a row nobody publishes shows its age, and
 * once the relay has published it, the age is gone. The row is made ten years old, so rows other tests leave behind
 * cannot be mistaken for it.
 */
@QuarkusTest
@TestProfile(ManualRelayProfile.class)
class OutboxBacklogGaugeTest {

    private static final double TEN_YEARS = 10 * 365 * 86400.0;

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void showsTheAgeOfTheOldestUnpublishedRowUntilTheRelayPublishesIt() {
        String topic = "backlog-" + UUID.randomUUID();
        KafkaTopics.create(bootstrapServers, topic);
        UUID mentor = UUID.randomUUID();
        PauseDb db = new PauseDb(pool);
        long id = db.insertOutboxRow(topic, mentor, "test.Seq", UUID.randomUUID(), "{\"seq\":0}");
        db.execute("UPDATE outbox SET created_at = now() - interval '10 years' WHERE id = $1", id);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> gauge("hlf_outbox_oldest_unpublished_seconds") >= TEN_YEARS);
        assertThat(gauge("hlf_outbox_backlog_rows")).isGreaterThanOrEqualTo(1);

        for (int round = 0; db.unpublished(mentor) > 0; round++) {
            assertThat(round).as("relay rounds").isLessThan(1000);
            relay.relayOnce().await().atMost(Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gauge("hlf_outbox_oldest_unpublished_seconds") < TEN_YEARS);
    }

    private static double gauge(String name) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError(name + " is not on /q/metrics");
    }
}
