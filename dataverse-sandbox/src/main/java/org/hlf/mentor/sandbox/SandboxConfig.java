package org.hlf.mentor.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the sandbox lets an operator tune. The defaults are the numbers the real Dataverse and
 * Entra ID use, so a client that behaves well here behaves well against the portal.
 */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** Seconds an issued access token stays valid (Entra ID issues tokens for about an hour). */
    @WithDefault("3600")
    int tokenLifetimeSeconds();

    /** Entity set that holds the mentors in the Web API URL. */
    @WithDefault("contacts")
    String entitySet();

    /** Alternate key column carrying the mentor id, used as {@code contacts(<key>='<id>')}. */
    @WithDefault("hlf_mentorid")
    String keyColumn();

    /** Boolean column the portal reads to decide whether a mentor is shown on the website. */
    @WithDefault("hlf_showonwebsite")
    String visibilityColumn();

    /** JSON file with contacts and OAuth clients loaded at start-up; nothing is seeded when unset. */
    Optional<Path> seedFile();

    /** Request-log entries kept in memory; the oldest are dropped first so long benchmarks stay bounded. */
    @WithDefault("200000")
    int requestLogCapacity();

    /** Service protection limits applied per OAuth client, as Dataverse applies them per user. */
    Limits limits();

    interface Limits {

        /** Whether the limits are enforced when the sandbox starts. */
        @WithDefault("true")
        boolean enabled();

        /** Requests one client may start per sliding window (Dataverse: 6,000). */
        @WithDefault("6000")
        int requestsPerWindow();

        /** Length of the sliding window in seconds (Dataverse: 300). */
        @WithDefault("300")
        int windowSeconds();

        /** Requests one client may have in flight at the same time (Dataverse: 52). */
        @WithDefault("52")
        int concurrent();

        /** Combined execution time one client may use per window, in seconds (Dataverse: 1,200). */
        @WithDefault("1200")
        int executionSecondsPerWindow();

        /** Largest Retry-After the sandbox announces, in seconds. */
        @WithDefault("300")
        int retryAfterCapSeconds();
    }
}
