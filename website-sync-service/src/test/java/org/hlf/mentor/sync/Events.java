package org.hlf.mentor.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hlf.mentor.events.Initiator;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.testsupport.TopicReader;

/** Puts mentor-status-changed records on the real broker, as pause-service's relay would. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static TopicReader reader() {
        return new TopicReader(bootstrap());
    }

    public static MentorStatusChanged event(UUID mentorId, MentorStatus from, MentorStatus to, long version) {
        return event(mentorId, "oslo", from, to, version);
    }

    public static MentorStatusChanged event(UUID mentorId, String chapter, MentorStatus from, MentorStatus to,
            long version) {
        return new MentorStatusChanged(UUID.randomUUID(), mentorId, chapter, from, to, version, "test",
                new Initiator(Initiator.Type.COORDINATOR, "c-1"), Instant.now(), null);
    }

    public static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(MentorStatusChanged... events) {
        for (MentorStatusChanged event : events) {
            sendRaw(event.mentorId().toString(), json(event));
        }
    }

    public static void sendAll(List<MentorStatusChanged> events) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap())) {
            kafka.produceStrings().fromRecords(events.stream()
                    .map(e -> new ProducerRecord<>(Topics.MENTOR_STATUS_CHANGED, e.mentorId().toString(), json(e)))
                    .toList()).awaitCompletion();
        }
    }

    public static void sendRaw(String key, String payload) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap())) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTOR_STATUS_CHANGED, key, payload))
                    .awaitCompletion();
        }
    }
}
