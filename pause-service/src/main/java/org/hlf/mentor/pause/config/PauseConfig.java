package org.hlf.mentor.pause.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of pause-service that is ours (prefix {@code hlf.pause}). */
@ConfigMapping(prefix = "hlf.pause")
public interface PauseConfig {

    /** The transactional outbox and its relay. */
    Outbox outbox();

    interface Outbox {

        /** Fallback polling interval of the relay; it is normally woken by LISTEN/NOTIFY on commit. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows claimed and published per relay round. */
        @WithDefault("500")
        int batchSize();

        /** How long published rows are kept for inspection before the cleanup deletes them. */
        @WithDefault("P7D")
        Duration retention();

        /** Value of the CloudEvents {@code ce_source} header. */
        @WithDefault("/hlf/pause-service")
        String eventSource();
    }
}
