package org.hlf.mentor.sandbox.limits;

/** A change to the limits; absent fields keep their current value. */
public record LimitsUpdate(
        Boolean enabled,
        Integer requestsPerWindow,
        Integer windowSeconds,
        Integer concurrent,
        Integer executionSecondsPerWindow,
        Integer retryAfterCapSeconds) {
}
