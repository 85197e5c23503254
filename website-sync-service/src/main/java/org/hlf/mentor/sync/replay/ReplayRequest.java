package org.hlf.mentor.sync.replay;

import java.time.Instant;
import java.util.UUID;

/**
 * Which dead letters to replay: all when every filter is absent; the time range is when they were dead-lettered.
 * {@code limit}: letters per call (at most hlf.sync.dlq.max-replay); {@code cursor}: the previous answer's nextCursor.
 */
public record ReplayRequest(UUID mentorId, Instant from, Instant to, Integer limit, String cursor) {
}
