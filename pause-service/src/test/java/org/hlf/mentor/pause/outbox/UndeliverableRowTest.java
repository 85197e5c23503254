package org.hlf.mentor.pause.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseApi;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A row the broker refuses (its topic was never created, as a deployment that forgot a topic would produce) must not
 * stop the relay: everything else is published once, the row backs off and is reported, and it goes out once the
 * topic exists. The running relay of the default test profile does the work; the tests only write and watch.
 */
@QuarkusTest
class UndeliverableRowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private PauseDb db;
    private TopicReader reader;
    private final List<String> missingTopics = new ArrayList<>();

    @BeforeEach
    void connect() {
        db = new PauseDb(pool);
        reader = new TopicReader(bootstrapServers);
        // the gauge and the check count every failing row: rows an interrupted earlier run left on its own test
        // topics, which this JVM's fresh broker never has, would be counted too
        db.execute("DELETE FROM outbox WHERE published_at IS NULL AND topic <> ALL($1)",
                (Object) Topics.ALL.toArray(String[]::new));
    }

    @AfterEach
    void forgetRowsOfTopicsThatNeverCame() {
        // the test database outlives this run: a row on a topic nobody creates would fail in every later run
        db.execute("DELETE FROM outbox WHERE topic = ANY($1) AND published_at IS NULL",
                (Object) missingTopics.toArray(String[]::new));
    }

    @Test
    void rowOnAMissingTopicBacksOffAndIsReportedWhileOtherMentorsEventsAreDelivered() {
        String missing = missingTopic();
        UUID a = UUID.randomUUID();
        long stuck = insertRow(missing, a, "{\"stuck\":true}");

        UUID b = PauseApi.registerCertified("oslo");
        PauseApi.pause(b).then().statusCode(200);
        PauseApi.lift(b).then().statusCode(200);

        await().atMost(WAIT).until(() -> db.unpublished(b) == 0);
        assertThat(db.outboxRows(b, Topics.MENTOR_STATUS_CHANGED)).isEqualTo(3);
        assertExactlyOnce(Topics.MENTOR_STATUS_CHANGED, b, 3);
        assertExactlyOnce(Topics.COORDINATOR_NOTIFICATIONS, b, db.outboxRows(b, Topics.COORDINATOR_NOTIFICATIONS));

        Row row = await().atMost(WAIT).until(() -> delivery(stuck), r -> r.getInteger("attempts") >= 1);
        assertThat(row.getOffsetDateTime("published_at")).isNull();
        assertThat(row.getString("last_error")).contains(missing);
        assertThat(row.getOffsetDateTime("next_attempt_at")).isAfter(row.getOffsetDateTime("first_failed_at"));
        await().atMost(WAIT).until(() -> metric("hlf_outbox_undeliverable_rows", "") == 1.0);
        assertThat(metric("hlf_outbox_send_failures_total", "topic=\"" + missing + "\"")).isGreaterThanOrEqualTo(1.0);

        // %test bound: 3 s of failing
        JsonPath down = await().atMost(WAIT).until(UndeliverableRowTest::wellness,
                health -> "DOWN".equals(health.getString(CHECK + ".status")));
        assertThat(down.getString(CHECK + ".data.topic")).isEqualTo(missing);
        assertThat(down.getString(CHECK + ".data.lastError")).contains(missing);
        assertThat(down.getLong(CHECK + ".data.failingForSeconds")).isGreaterThanOrEqualTo(3);
        assertThat(down.getLong(CHECK + ".data.undeliverableRows")).isEqualTo(1);
        // shown on the overall health too, which a readiness or liveness probe never looks at
        given().get("/q/health").then().statusCode(503);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);

        KafkaTopics.create(bootstrapServers, missing);

        await().atMost(WAIT).until(() -> db.unpublished(a) == 0);
        assertThat(reader.read(missing, a.toString())).extracting(ConsumerRecord::value)
                .containsExactly("{\"stuck\":true}");
        await().atMost(WAIT).until(() -> "UP".equals(wellness().getString(CHECK + ".status")));
        await().atMost(WAIT).until(() -> metric("hlf_outbox_undeliverable_rows", "") == 0.0);
    }

    @Test
    void stuckRowOnOneTopicDoesNotHoldBackTheSameMentorsRowsOnOtherTopics() {
        String missing = missingTopic();
        UUID a = UUID.randomUUID();
        long stuck = insertRow(missing, a, "{\"stuck\":true}");

        PauseApi.register(a, "oslo", LocalDate.now().plusYears(1)).then().statusCode(201);
        PauseApi.pause(a).then().statusCode(200);

        // everything but the stuck row goes out, although the stuck row is older
        await().atMost(WAIT).until(() -> db.unpublished(a) == 1);
        assertExactlyOnce(Topics.MENTOR_STATUS_CHANGED, a, 2);
        assertExactlyOnce(Topics.COORDINATOR_NOTIFICATIONS, a, 1);
        Row row = await().atMost(WAIT).until(() -> delivery(stuck), r -> r.getInteger("attempts") >= 1);
        assertThat(row.getOffsetDateTime("published_at")).isNull();
    }

    @Test
    void laterRowOfTheSameMentorAndTopicWaitsForTheFailingOne() {
        String missing = missingTopic();
        UUID a = UUID.randomUUID();
        long first = insertRow(missing, a, "{\"seq\":1}");
        await().atMost(WAIT).until(() -> delivery(first).getInteger("attempts") >= 1);
        long second = insertRow(missing, a, "{\"seq\":2}");

        // the first is tried again (backoff at most 2 s in %test), the second never while the first fails
        int attempts = delivery(first).getInteger("attempts");
        await().atMost(WAIT).until(() -> delivery(first).getInteger("attempts") > attempts);
        assertThat(delivery(second).getInteger("attempts")).isZero();
        assertThat(reader.read(missing, a.toString())).isEmpty();

        KafkaTopics.create(bootstrapServers, missing);

        await().atMost(WAIT).until(() -> db.unpublished(a) == 0);
        assertThat(reader.read(missing, a.toString())).extracting(ConsumerRecord::value)
                .containsExactly("{\"seq\":1}", "{\"seq\":2}");
    }

    private static final String CHECK = "checks.find { it.name == 'outbox-delivery' }";

    private static JsonPath wellness() {
        return given().get("/q/health/well").then().extract().jsonPath();
    }

    /** Each of the mentor's rows on the topic is on the topic once: {@code count} records, distinct event ids. */
    private void assertExactlyOnce(String topic, UUID mentor, long count) {
        List<ConsumerRecord<String, String>> records = reader.read(topic, mentor.toString());
        assertThat(records).hasSize((int) count);
        assertThat(records.stream().map(r -> new String(r.headers().lastHeader("ce_id").value(),
                StandardCharsets.UTF_8)).distinct()).hasSize((int) count);
    }

    private String missingTopic() {
        String topic = "hlf-missing-topic-" + UUID.randomUUID();
        missingTopics.add(topic);
        return topic;
    }

    /** An outbox row written straight to the table, the way a service release with a new topic would write it. */
    private long insertRow(String topic, UUID mentor, String payload) {
        return db.one("""
                INSERT INTO outbox (aggregate_id, topic, event_type, event_id, payload, created_at)
                VALUES ($1, $2, 'test.Stuck', $3, $4, now()) RETURNING id""",
                mentor, topic, UUID.randomUUID(), payload).getLong("id");
    }

    private Row delivery(long id) {
        return db.one("SELECT * FROM outbox WHERE id = $1", id);
    }

    /** The sum of a metric's samples on /q/metrics whose labels contain {@code labels} (0 while there are none). */
    private static double metric(String name, String labels) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line -> line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
