package org.hlf.mentor.sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.Initiator;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.junit.jupiter.api.Test;

/** The wiring: a record on the real broker is consumed and lands in website-sync-service's database. */
@QuarkusTest
class MentorStatusConsumerTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void recordsDesiredVisibilityOfAConsumedEvent() throws Exception {
        UUID mentorId = UUID.randomUUID();
        var event = new MentorStatusChanged(UUID.randomUUID(), mentorId, "oslo", MentorStatus.ACTIVE,
                MentorStatus.PAUSED, 2, "holiday", new Initiator(Initiator.Type.COORDINATOR, "c-1"), Instant.now(),
                null);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTOR_STATUS_CHANGED,
                    mentorId.toString(), mapper.writeValueAsString(event))).awaitCompletion();
        }

        Row row = await().atMost(Duration.ofSeconds(15)).until(() -> state(mentorId), rows -> rows.size() == 1)
                .iterator().next();
        assertThat(row.getBoolean("desired_visible")).isFalse();
        assertThat(row.getLong("last_event_version")).isEqualTo(2L);
        assertThat(row.getString("last_status")).isEqualTo("PAUSED");
    }

    private RowSet<Row> state(UUID mentorId) {
        return pool.preparedQuery("SELECT * FROM sync_state WHERE mentor_id = $1").execute(Tuple.of(mentorId))
                .await().indefinitely();
    }
}
