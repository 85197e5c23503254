package org.hlf.mentor.pause;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hlf.mentor.events.CommitmentClosed;
import org.hlf.mentor.events.CommitmentKind;
import org.hlf.mentor.events.CommitmentOpened;
import org.hlf.mentor.events.Topics;

/**
 * The assignment, session and reimbursement features as tests play them: records on mentor-commitments of the
 * shared broker, and a wait until pause-service has applied one (its event id recorded).
 */
public final class CommitmentTopic implements AutoCloseable {

    private final KafkaCompanion kafka;
    private final ObjectMapper mapper;
    private final PauseDb db;

    public CommitmentTopic(String bootstrapServers, ObjectMapper mapper, PauseDb db) {
        this.kafka = new KafkaCompanion(bootstrapServers);
        this.mapper = mapper;
        this.db = db;
    }

    /** Publishes a CommitmentOpened and waits until it is applied; answers it. */
    public CommitmentOpened open(UUID mentorId, CommitmentKind kind, Instant startsAt, String summary) {
        var event = new CommitmentOpened(UUID.randomUUID(), UUID.randomUUID(), mentorId, kind, startsAt, summary,
                Instant.now());
        return applied(event);
    }

    /** Publishes a CommitmentClosed of {@code commitmentId} and waits until it is applied. */
    public CommitmentClosed close(UUID mentorId, UUID commitmentId) {
        return applied(new CommitmentClosed(UUID.randomUUID(), commitmentId, mentorId, Instant.now()));
    }

    /** Publishes an event (again, for a redelivery) and waits until its event id is recorded. */
    public <E extends org.hlf.mentor.events.CommitmentEvent> E applied(E event) {
        send(event.mentorId(), json(event));
        awaitProcessed(event.eventId());
        return event;
    }

    public void send(UUID key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTOR_COMMITMENTS, key.toString(), value))
                .awaitCompletion();
    }

    public void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> db.one(
                "SELECT count(*) AS n FROM processed_event WHERE event_id = $1", eventId).getLong("n") == 1);
    }

    public String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
