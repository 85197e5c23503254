package org.hlf.mentor.sync.replay;

/** What a replay did: applied again, skipped because a newer event was applied since, failed again (dead-lettered anew). */
public record ReplayReport(int matched, int replayed, int skippedStale, int failed) {
}
