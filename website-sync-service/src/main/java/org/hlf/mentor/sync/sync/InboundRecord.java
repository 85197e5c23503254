package org.hlf.mentor.sync.sync;

import java.time.Instant;

/**
 * One record to sync, with where it came from: the Kafka coordinates go into the dead-letter headers, and a
 * replayed dead letter keeps those of its original record.
 */
public record InboundRecord(String topic, int partition, long offset, String key, String payload, Instant timestamp) {
}
