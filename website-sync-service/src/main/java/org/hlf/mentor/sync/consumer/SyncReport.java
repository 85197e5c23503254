package org.hlf.mentor.sync.consumer;

import java.util.Map;

/**
 * What one pass over a set of records did: applied (or already shown), skipped as stale or superseded, failed,
 * unreadable; and how each record ended.
 */
public record SyncReport(int applied, int skipped, int failed, int poison, Map<InboundRecord, RecordOutcome> outcomes) {
}
