package org.hlf.mentor.sandbox.limits;

import java.util.ArrayList;
import java.util.List;

/** The service protection limits in force. */
public record LimitSettings(
        boolean enabled,
        int requestsPerWindow,
        int windowSeconds,
        int concurrent,
        int executionSecondsPerWindow,
        int retryAfterCapSeconds) {

    /** Applies the fields an operator gave and keeps the others. */
    public LimitSettings with(LimitsUpdate update) {
        LimitSettings next = new LimitSettings(
                update.enabled() == null ? enabled : update.enabled(),
                update.requestsPerWindow() == null ? requestsPerWindow : update.requestsPerWindow(),
                update.windowSeconds() == null ? windowSeconds : update.windowSeconds(),
                update.concurrent() == null ? concurrent : update.concurrent(),
                update.executionSecondsPerWindow() == null ? executionSecondsPerWindow
                        : update.executionSecondsPerWindow(),
                update.retryAfterCapSeconds() == null ? retryAfterCapSeconds : update.retryAfterCapSeconds());
        List<String> problems = next.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return next;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (requestsPerWindow < 1) {
            problems.add("requestsPerWindow must be at least 1");
        }
        if (windowSeconds < 1) {
            problems.add("windowSeconds must be at least 1");
        }
        if (concurrent < 1) {
            problems.add("concurrent must be at least 1");
        }
        if (executionSecondsPerWindow < 1) {
            problems.add("executionSecondsPerWindow must be at least 1");
        }
        if (retryAfterCapSeconds < 1) {
            problems.add("retryAfterCapSeconds must be at least 1");
        }
        return problems;
    }

    long windowMillis() {
        return windowSeconds * 1000L;
    }

    long executionMillisPerWindow() {
        return executionSecondsPerWindow * 1000L;
    }
}
