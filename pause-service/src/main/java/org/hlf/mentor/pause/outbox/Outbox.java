package org.hlf.mentor.pause.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Builds outbox rows (the payload as JSON). Only the mentor writer inserts them, in the statement of the change
 * they announce, so an event exists exactly when its change committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The row, for the writer to insert in its statement. */
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
