package org.hlf.mentor.sync.replay;

/**
 * What one replay page did: letters matched on the page; applied again; skipped because a newer event was applied
 * since; failed again (marked, not dead-lettered anew); already settled by an earlier replay; matching letters after
 * this page, and the cursor to replay them (null when none remain).
 */
public record ReplayReport(int matched, int replayed, int skippedStale, int failed, int alreadyReplayed,
        int remaining, String nextCursor) {
}
