package org.hlf.mentor.pause.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Adds events to the outbox inside the caller's transaction, so an event exists exactly when its change
 * committed. Must be called within a reactive Hibernate transaction.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param topic     destination topic
     * @param mentorId  Kafka key: one mentor's events stay in order on one partition
     * @param eventType CloudEvents type
     * @param eventId   unique event id (CloudEvents id)
     * @param event     the payload record, serialized as JSON
     */
    public Uni<OutboxEvent> add(String topic, UUID mentorId, String eventType, UUID eventId, Object event) {
        return add(row(topic, mentorId, eventType, eventId, event));
    }

    public Uni<OutboxEvent> add(OutboxRow row) {
        OutboxEvent entity = new OutboxEvent();
        entity.aggregateId = row.mentorId();
        entity.topic = row.topic();
        entity.eventType = row.eventType();
        entity.eventId = row.eventId();
        entity.payload = row.payload();
        entity.createdAt = Instant.now();
        return entity.persist();
    }

    /** The row without writing it, for callers that insert it in their own statement. */
    public OutboxRow row(String topic, UUID mentorId, String eventType, UUID eventId, Object event) {
        return new OutboxRow(topic, mentorId, eventType, eventId, json(event));
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serializable: " + event.getClass().getName(), e);
        }
    }
}
