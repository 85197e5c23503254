package org.hlf.mentor.sync.consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;
import org.hlf.mentor.events.MentorStatusChanged;

/**
 * Reads a {@code mentor-status-changed} payload. Unknown fields are ignored (additive evolution), whatever the
 * API's strict mapper says; a payload without the fields the sync needs is as unreadable as bad JSON.
 */
public final class EventParser {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private EventParser() {
    }

    /** The event, or empty with the reason in {@code problem}. */
    public static Optional<MentorStatusChanged> parse(String payload, StringBuilder problem) {
        if (payload == null || payload.isBlank()) {
            problem.append("empty payload");
            return Optional.empty();
        }
        MentorStatusChanged event;
        try {
            event = JSON.readValue(payload, MentorStatusChanged.class);
        } catch (Exception e) {
            problem.append("unreadable JSON: ").append(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
        if (event == null || event.mentorId() == null || event.eventId() == null || event.newStatus() == null
                || event.chapterId() == null || event.version() < 1) {
            problem.append("missing mentorId, eventId, chapterId, newStatus or a positive version");
            return Optional.empty();
        }
        return Optional.of(event);
    }
}
