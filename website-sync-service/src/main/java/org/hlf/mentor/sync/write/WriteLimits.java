package org.hlf.mentor.sync.write;

import java.time.Duration;
import org.hlf.mentor.sync.config.SyncConfig;

/**
 * How long one call of the write path may wait for the mentors' locks (null: as long as the writer ahead takes,
 * itself bounded by its budget) and then spend on the portal, every retry and Retry-After wait included.
 */
public record WriteLimits(Duration lockWait, Duration portalBudget) {

    /** Events, replay and reconciliation: they wait for the writer ahead, and fit the consumer's record limit. */
    public static WriteLimits background(SyncConfig config) {
        return new WriteLimits(null, config.write().portalBudget());
    }

    /** Ops at the API: a bounded wait and a shorter budget, so the caller gets an answer in time. */
    public static WriteLimits manual(SyncConfig config) {
        return new WriteLimits(config.write().manualLockWait(), config.write().manualPortalBudget());
    }
}
