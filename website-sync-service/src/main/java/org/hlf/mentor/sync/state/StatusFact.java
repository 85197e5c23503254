package org.hlf.mentor.sync.state;

import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.sync.audit.Source;

/**
 * What is known of a mentor's status at some version, from an event or from pause-service's roster
 * ({@code eventId} null). Only a newer version than the stored one changes the knowledge.
 */
public record StatusFact(UUID mentorId, String chapterId, MentorStatus status, long version, UUID eventId,
        Source source) {
}
