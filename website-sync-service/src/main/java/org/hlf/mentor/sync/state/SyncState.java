package org.hlf.mentor.sync.state;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One mentor's row of {@code sync_state}: the last known status (and its version, the basis of every portal
 * write), what the website should show, and what the portal last confirmed.
 */
public record SyncState(UUID mentorId, String chapterId, String lastStatus, boolean desiredVisible,
        Boolean portalVisible, long lastEventVersion, UUID lastEventId, String state, int consecutiveFailures,
        String lastError, Instant lastAttemptAt, Instant lastSuccessAt, int attempts) {

    public static final String IN_SYNC = "IN_SYNC";

    /** The visibility rule: shown exactly when the last known status is ACTIVE. */
    public boolean active() {
        return "ACTIVE".equals(lastStatus);
    }

    /** The portal confirmed what the last known status asks for, and nothing newer is waiting. */
    public boolean inSync() {
        return IN_SYNC.equals(state) && portalVisible != null && portalVisible == desiredVisible;
    }

    static SyncState of(Row row) {
        return new SyncState(row.getUUID("mentor_id"), row.getString("chapter_id"), row.getString("last_status"),
                row.getBoolean("desired_visible"), row.getBoolean("portal_visible"), row.getLong("last_event_version"),
                row.getUUID("last_event_id"), row.getString("state"), row.getInteger("consecutive_failures"),
                row.getString("last_error"), instant(row.getOffsetDateTime("last_attempt_at")),
                instant(row.getOffsetDateTime("last_success_at")), row.getInteger("attempts"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
