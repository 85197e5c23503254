package org.hlf.mentor.sandbox.admin;

import org.hlf.mentor.sandbox.limits.LimitSettings;
import org.hlf.mentor.sandbox.limits.UsageSnapshot;

import java.util.Map;

/** The limits in force and each client's current use of them. */
public record LimitsStatus(boolean enabled, int requestsPerWindow, int windowSeconds, int concurrent,
                           int executionSecondsPerWindow, int retryAfterCapSeconds, Map<String, UsageSnapshot> usage) {

    static LimitsStatus of(LimitSettings settings, Map<String, UsageSnapshot> usage) {
        return new LimitsStatus(settings.enabled(), settings.requestsPerWindow(), settings.windowSeconds(),
                settings.concurrent(), settings.executionSecondsPerWindow(), settings.retryAfterCapSeconds(), usage);
    }
}
