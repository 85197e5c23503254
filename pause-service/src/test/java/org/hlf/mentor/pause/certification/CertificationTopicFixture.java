package org.hlf.mentor.pause.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the certification consumer share: the shared broker as producer (records on
 * certification-events) and reader (the status and dead-letter topics), and the database.
 */
abstract class CertificationTopicFixture {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaCompanion kafka;
    PauseDb db;
    TopicReader topics;

    @BeforeEach
    void openClients() {
        kafka = new KafkaCompanion(bootstrapServers);
        db = new PauseDb(pool);
        topics = new TopicReader(bootstrapServers);
    }

    @AfterEach
    void closeClients() {
        kafka.close();
    }

    void send(UUID key, Object event) throws Exception {
        sendRaw(key, mapper.writeValueAsString(event));
    }

    void sendRaw(UUID key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CERTIFICATION_EVENTS, key.toString(), value))
                .awaitCompletion();
    }

    long processed(UUID eventId) {
        return db.one("SELECT count(*) AS n FROM processed_event WHERE event_id = $1", eventId).getLong("n");
    }
}
