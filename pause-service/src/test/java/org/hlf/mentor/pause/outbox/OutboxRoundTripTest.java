package org.hlf.mentor.pause.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.pause.PauseApi;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wiring: a row committed to the outbox in PostgreSQL reaches the real broker. */
@QuarkusTest
class OutboxRoundTripTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void committedOutboxRowReachesTheBrokerAndIsMarkedPublished() throws Throwable {
        UUID mentorId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.MENTOR_STATUS_CHANGED);

        new PauseDb(pool).insertOutboxRow(Topics.MENTOR_STATUS_CHANGED, mentorId, "test.Ping", eventId,
                "{\"mentorId\":\"" + mentorId + "\"}");

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(10)).until(
                () -> records.getRecords().stream().filter(r -> mentorId.toString().equals(r.key())).findFirst(),
                found -> found.isPresent()).orElseThrow();
        records.stop();
        assertThat(record.value()).contains(mentorId.toString());
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(eventId.toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> pool
                .preparedQuery("SELECT published_at IS NOT NULL AS done FROM outbox WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getBoolean("done"));
    }

    @Test
    void pauseReachesTheTopicWithinASecondOfTheAnswer() {
        UUID mentorId = PauseApi.registerCertified("oslo");
        PauseApi.pause(mentorId).then().statusCode(200);
        long answeredAt = System.currentTimeMillis();

        List<ConsumerRecord<String, String>> records = new TopicReader(bootstrapServers)
                .awaitAtLeast(Topics.MENTOR_STATUS_CHANGED, mentorId.toString(), 2, Duration.ofSeconds(5));
        ConsumerRecord<String, String> paused = records.get(1);
        assertThat(paused.value()).contains("\"newStatus\":\"PAUSED\"");
        // the producer stamps the record when the relay sends it
        assertThat(paused.timestamp() - answeredAt).isLessThanOrEqualTo(1000);
    }
}
