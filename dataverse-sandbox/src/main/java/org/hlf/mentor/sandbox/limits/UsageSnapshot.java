package org.hlf.mentor.sandbox.limits;

/** How much of the limits one client uses right now. */
public record UsageSnapshot(int requestsInWindow, long executionMillisInWindow, int inFlight) {
}
