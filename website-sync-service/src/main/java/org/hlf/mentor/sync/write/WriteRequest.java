package org.hlf.mentor.sync.write;

import java.util.UUID;

/**
 * One mentor to bring to the portal. {@code force}: write even when the state says the portal already shows the
 * right value (reconciliation saw otherwise, or ops ask again).
 */
public record WriteRequest(UUID mentorId, Intent intent, boolean force, Cause cause) {

    public static WriteRequest sync(UUID mentorId, boolean force, Cause cause) {
        return new WriteRequest(mentorId, Intent.SYNC, force, cause);
    }
}
