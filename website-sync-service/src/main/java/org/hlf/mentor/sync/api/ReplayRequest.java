package org.hlf.mentor.sync.api;

import java.time.Instant;
import java.util.UUID;

/** Which dead letters to replay: all when every field is absent; the time range is when they were dead-lettered. */
public record ReplayRequest(UUID mentorId, Instant from, Instant to) {
}
