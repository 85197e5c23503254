package org.hlf.mentor.sync.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The one write path to the portal: the keys {@code hlf.sync.write.*}, a group of {@link SyncConfig}. */
public interface WriteConfig {

    /** How long an ops call (hide, restore, retry) waits for a portal write already in progress for the mentor. */
    @WithDefault("10s")
    Duration manualLockWait();

    /**
     * How long one write of events, replay or reconciliation may spend on the portal once it holds the locks
     * (retries, {@code $batch} rounds, Retry-After waits); what is not written by then fails (dead letter). With a
     * writer ahead waiting as long, it must stay under the consumer's unprocessed-record limit (300 s).
     */
    @WithDefault("90s")
    Duration portalBudget();

    /** The same for an ops call, which has a caller waiting. */
    @WithDefault("30s")
    Duration manualPortalBudget();
}
