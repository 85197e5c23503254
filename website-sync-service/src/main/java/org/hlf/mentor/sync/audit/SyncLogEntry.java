package org.hlf.mentor.sync.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code website_sync_log}: what was done for a mentor, how it ended, and why. */
public record SyncLogEntry(Long id, UUID mentorId, Action action, Outcome outcome, boolean success, String errorDetail,
        int attempt, UUID eventId, Long eventVersion, String source, String actor, long durationMs, Instant time) {

    public enum Action {
        HIDE,
        RESTORE,
        SKIP,
        POISON
    }

    public enum Outcome {
        APPLIED,
        SKIPPED_STALE,
        SUPERSEDED,
        FAILED,
        DEAD_LETTERED
    }

    public static SyncLogEntry of(UUID mentorId, Action action, Outcome outcome, String errorDetail, int attempt,
            UUID eventId, Long eventVersion, String source, String actor, long durationMs) {
        return new SyncLogEntry(null, mentorId, action, outcome, outcome == Outcome.APPLIED, errorDetail, attempt,
                eventId, eventVersion, source, actor, durationMs, null);
    }

    public static Action actionFor(boolean visible) {
        return visible ? Action.RESTORE : Action.HIDE;
    }
}
