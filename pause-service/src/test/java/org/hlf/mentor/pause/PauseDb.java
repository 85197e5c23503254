package org.hlf.mentor.pause;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the database holds for one mentor, read straight from the tables. */
public final class PauseDb {

    private final Pool pool;

    public PauseDb(Pool pool) {
        this.pool = pool;
    }

    public long count(String table, UUID mentorId) {
        String column = table.equals("outbox") ? "aggregate_id" : table.equals("peer_mentor") ? "id" : "mentor_id";
        return one("SELECT count(*) AS n FROM " + table + " WHERE " + column + " = $1", mentorId).getLong("n");
    }

    public long outboxRows(UUID mentorId, String topic) {
        return one("SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1 AND topic = $2", mentorId, topic)
                .getLong("n");
    }

    public long unpublished(UUID mentorId) {
        return one("SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1 AND published_at IS NULL", mentorId)
                .getLong("n");
    }

    /** Everything the service stores about a mentor: equal snapshots mean nothing changed. */
    public Map<String, Object> snapshot(UUID mentorId) {
        return Map.of(
                "mentor", rows("SELECT * FROM peer_mentor WHERE id = $1", mentorId),
                "pauses", rows("SELECT * FROM pause_period WHERE mentor_id = $1 ORDER BY id", mentorId),
                "audit", rows("SELECT * FROM status_audit WHERE mentor_id = $1 ORDER BY id", mentorId),
                "outbox", rows("SELECT id, topic, event_type, payload FROM outbox WHERE aggregate_id = $1 ORDER BY id",
                        mentorId));
    }

    public void execute(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    public Row one(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10))
                .iterator().next();
    }

    public List<Map<String, Object>> rows(String sql, Object... args) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10))) {
            result.add(row.toJson().getMap());
        }
        return result;
    }
}
