package org.hlf.mentor.sync.write;

import java.time.Instant;
import java.util.UUID;
import org.hlf.mentor.sync.state.SyncState;

/** The answer of the status endpoint (and of the calls that change the portal). */
public record SyncStatusView(UUID mentorId, String chapterId, String lastStatus, boolean desiredVisible,
        Boolean portalVisible, String state, long lastEventVersion, Instant lastAttemptAt, Instant lastSuccessAt,
        int consecutiveFailures, String lastError) {

    public static SyncStatusView of(SyncState s) {
        return new SyncStatusView(s.mentorId(), s.chapterId(), s.lastStatus(), s.desiredVisible(), s.portalVisible(),
                s.state(), s.lastEventVersion(), s.lastAttemptAt(), s.lastSuccessAt(), s.consecutiveFailures(),
                s.lastError());
    }
}
