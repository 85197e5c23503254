package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.ServiceReplica;
import org.hlf.mentor.testsupport.PostgresDatabaseResource;
import org.hlf.mentor.testsupport.SandboxResource;
import org.hlf.mentor.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure no retry can mend (here the service's database is gone) stops the consumer channel, and the liveness
 * check says so, for the orchestrator to restart the service: a stopped channel never passes for a healthy one.
 */
class ChannelStopsIT {

    private static final String DATABASE = "website_sync_channel_it";

    private SandboxResource sandbox;
    private ServiceReplica replica;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (replica != null) {
            replica.kill();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void aChannelStoppedByAFailureThatDoesNotPassMakesTheServiceNotLive() throws Exception {
        sandbox = new SandboxResource();
        Map<String, String> portal = sandbox.start();
        var database = new PostgresDatabaseResource();
        database.init(Map.of("database", DATABASE));
        Map<String, String> db = database.start();
        replica = ServiceReplica.start("channel-it", SharedKafkaBroker.bootstrapServers(), db, portal);
        HttpClient http = HttpClient.newHttpClient();
        assertThat(live(http)).isEqualTo(200);

        String admin = db.get("quarkus.datasource.jdbc.url").replace("/" + DATABASE, "/postgres");
        try (Connection c = DriverManager.getConnection(admin, db.get("quarkus.datasource.username"),
                db.getOrDefault("quarkus.datasource.password", ""))) {
            c.createStatement().execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
        UUID mentor = UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers())) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTOR_STATUS_CHANGED, mentor.toString(),
                    Events.json(Events.event(mentor, "gone", MentorStatus.ACTIVE, MentorStatus.PAUSED, 2))))
                    .awaitCompletion();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> live(http) == 503);
        String answer = http.send(HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(answer).contains("mentor-status-changed").contains("DOWN");
    }

    private int live(HttpClient http) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
