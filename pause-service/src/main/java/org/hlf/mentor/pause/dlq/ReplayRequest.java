package org.hlf.mentor.pause.dlq;

import java.time.Instant;
import java.util.UUID;

/** Which dead letters to replay: all when every field is absent; from/to are when they were dead-lettered. */
public record ReplayRequest(UUID mentorId, Instant from, Instant to) {
}
