package org.hlf.mentor.pause.outbox;

import java.util.UUID;

/** An outbox row before it is written: destination, key, CloudEvents type and id, JSON payload. */
public record OutboxRow(String topic, UUID mentorId, String eventType, UUID eventId, String payload) {
}
