package org.hlf.mentor.pause.dlq;

import java.util.List;

/**
 * What one replay call did with the letters matching its filter. Each matched letter is counted once: replayed (applied
 * now), skipped (dealt with by an earlier replay, or its event id was already applied), failed (tried now and failed:
 * listed in {@code failures}, not dead-lettered again), or not tried now (over the call's limit, or after a failure
 * that stopped the call). {@code remaining} is what another call would still try: the letters not tried and those
 * that failed for a reason that may pass (unknown mentor, the database); 0 means done.
 */
public record ReplayReport(int matched, int replayed, int skipped, int failed, int remaining,
        List<Failure> failures) {

    /** A letter that failed again, and why. */
    public record Failure(int partition, long offset, String mentorId, String reason) {
    }
}
