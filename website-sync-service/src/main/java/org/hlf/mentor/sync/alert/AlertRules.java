package org.hlf.mentor.sync.alert;

import org.hlf.mentor.sync.config.SyncConfig;

/**
 * When an incident opens and when it ends, as plain code. Hysteresis: the failing alert fires at a high failure
 * ratio (and a minimum of failures) and ends only at a low one with writes succeeding again, so a steady failure
 * rate between the two keeps one incident open instead of flapping; without writes it stays as it is.
 */
public final class AlertRules {

    public static final String FAILING = "WebsiteSyncFailing";
    public static final String REJECTED = "WebsiteSyncRejected";

    private AlertRules() {
    }

    public static boolean failingFires(WindowStats stats, SyncConfig.Alert config) {
        return stats.failures() >= config.threshold() && stats.failureRatio() >= config.fireRatio();
    }

    public static boolean failingResolves(WindowStats stats, SyncConfig.Alert config) {
        return stats.writes() > stats.failures() && stats.failureRatio() <= config.resolveRatio();
    }

    /** A refusal that will recur (a missing contact, a bad column) needs a person, however few there are. */
    public static boolean rejectedFires(WindowStats stats, SyncConfig.Alert config) {
        return stats.rejections() >= config.rejectionThreshold();
    }

    public static boolean rejectedResolves(WindowStats stats) {
        return stats.rejections() == 0;
    }
}
