package org.hlf.mentor.pause.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Reads which unpublished rows have failed (for the gauge and the health check): how many, and the longest failing. */
@ApplicationScoped
class UndeliverableRows {

    private static final String READ = """
            SELECT f.n, o.id, o.topic, o.aggregate_id, o.attempts, o.last_error, o.first_failed_at,
                   extract(epoch FROM now() - o.first_failed_at) AS failing_seconds
              FROM (SELECT count(*) AS n FROM outbox WHERE published_at IS NULL AND attempts > 0) f
              LEFT JOIN LATERAL (SELECT id, topic, aggregate_id, attempts, last_error, first_failed_at FROM outbox
                                  WHERE published_at IS NULL AND attempts > 0
                                  ORDER BY first_failed_at, id LIMIT 1) o ON true""";

    /** The state of the outbox's failing rows. */
    record Snapshot(long rows, Optional<Oldest> oldest) {
    }

    /** The row that has been failing longest. */
    record Oldest(long id, String topic, UUID mentorId, int attempts, String lastError, OffsetDateTime failingSince,
            Duration failingFor) {
    }

    private final Pool pool;

    UndeliverableRows(Pool pool) {
        this.pool = pool;
    }

    Uni<Snapshot> read() {
        return pool.query(READ).execute().map(rows -> {
            Row row = rows.iterator().next();
            Optional<Oldest> oldest = row.getLong("id") == null ? Optional.empty()
                    : Optional.of(new Oldest(row.getLong("id"), row.getString("topic"), row.getUUID("aggregate_id"),
                            row.getInteger("attempts"), row.getString("last_error"),
                            row.getOffsetDateTime("first_failed_at"),
                            Duration.ofMillis(Math.round(row.getDouble("failing_seconds") * 1000))));
            return new Snapshot(row.getLong("n"), oldest);
        });
    }
}
