package org.hlf.mentor.pause.dlq;

import static org.hlf.mentor.pause.PauseApi.as;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;

/**
 * The plumbing of {@link CertificationDlqTest}: records on certification-events and its dead-letter topic, the ops
 * calls that list and replay the letters, and what the database kept.
 */
final class DlqFixture implements AutoCloseable {

    static final String DLQ = "/api/v1/admin/certification-dlq";
    static final Duration WAIT = Duration.ofSeconds(15);

    private final KafkaCompanion kafka;
    private final TopicReader topics;
    private final PauseDb db;
    private final ObjectMapper mapper;

    DlqFixture(String bootstrapServers, Pool pool, ObjectMapper mapper) {
        this.kafka = new KafkaCompanion(bootstrapServers);
        this.topics = new TopicReader(bootstrapServers);
        this.db = new PauseDb(pool);
        this.mapper = mapper;
    }

    /** The event on certification-events, as the certification service would publish it. */
    void send(UUID key, Object event) throws JsonProcessingException {
        sendRaw(Topics.CERTIFICATION_EVENTS, key, mapper.writeValueAsString(event));
    }

    void sendRaw(String topic, UUID key, String payload) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key.toString(), payload)).awaitCompletion();
    }

    void awaitDeadLetters(UUID mentorId, int count) {
        topics.awaitAtLeast(Topics.CERTIFICATION_EVENTS_DLQ, mentorId.toString(), count, WAIT);
    }

    List<ConsumerRecord<String, String>> deadLetters(UUID mentorId) {
        return topics.read(Topics.CERTIFICATION_EVENTS_DLQ, mentorId.toString());
    }

    /** Replays the mentor's letters as ops. */
    static Response replay(UUID mentorId) {
        return as(TestTokens.ops()).body(Map.of("mentorId", mentorId.toString())).post(DLQ + "/replay");
    }

    static Response list(Map<String, String> query) {
        return as(TestTokens.ops()).queryParams(query).get(DLQ);
    }

    /** How often the mentor's certification was expired (audit rows). */
    long expiries(UUID mentorId) {
        return db.one("SELECT count(*) AS n FROM status_audit WHERE mentor_id = $1 AND action = 'EXPIRE'", mentorId)
                .getLong("n");
    }

    /** How often the event is recorded as processed. */
    long processed(UUID eventId) {
        return db.one("SELECT count(*) AS n FROM processed_event WHERE event_id = $1", eventId).getLong("n");
    }

    @Override
    public void close() {
        kafka.close();
    }
}
