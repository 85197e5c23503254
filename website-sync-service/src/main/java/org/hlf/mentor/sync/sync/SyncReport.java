package org.hlf.mentor.sync.sync;

/** What one pass over a set of records did. */
public record SyncReport(int applied, int skipped, int failed, int poison) {

    public static final SyncReport EMPTY = new SyncReport(0, 0, 0, 0);
}
