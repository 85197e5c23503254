package org.hlf.mentor.sync.consumer;

/** What one pass over a set of records did: applied (or already shown), skipped as stale, failed, unreadable. */
public record SyncReport(int applied, int skipped, int failed, int poison) {
}
