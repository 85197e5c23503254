package org.hlf.mentor.pause.outbox;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An unpublished outbox row as the relay claimed it; {@code attempts} counts its failed sends so far. */
record PendingRow(long id, UUID mentorId, String topic, String eventType, UUID eventId, String payload,
        OffsetDateTime createdAt, int attempts) {

    static PendingRow from(Row row) {
        return new PendingRow(row.getLong("id"), row.getUUID("aggregate_id"), row.getString("topic"),
                row.getString("event_type"), row.getUUID("event_id"), row.getString("payload"),
                row.getOffsetDateTime("created_at"), row.getInteger("attempts"));
    }
}
