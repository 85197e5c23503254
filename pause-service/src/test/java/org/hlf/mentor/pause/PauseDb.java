package org.hlf.mentor.pause;

import static org.awaitility.Awaitility.await;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
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

    /** A row as a committed change leaves it in the outbox (only the mentor writer inserts them in production). */
    public long insertOutboxRow(String topic, UUID mentorId, String eventType, UUID eventId, String payload) {
        return one("INSERT INTO outbox (aggregate_id, topic, event_type, event_id, payload, created_at) "
                + "VALUES ($1, $2, $3, $4, $5, now()) RETURNING id", mentorId, topic, eventType, eventId, payload)
                .getLong("id");
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
    /**
     * Locks a mentor's row from a transaction of the test's own, as a concurrent writer would: the service's UPDATE
     * of that row waits until {@link RowLock#release()}. While it waits, the test can end its connection, which is
     * what a database restart or failover does to the service.
     */
    public static RowLock lockMentor(Pool pool, UUID mentorId) {
        Duration timeout = Duration.ofSeconds(10);
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            Transaction transaction = connection.begin().await().atMost(timeout);
            connection.preparedQuery("SELECT id FROM peer_mentor WHERE id = $1 FOR UPDATE").execute(Tuple.of(mentorId))
                    .await().atMost(timeout);
            int pid = connection.query("SELECT pg_backend_pid() AS pid").execute().await().atMost(timeout)
                    .iterator().next().getInteger("pid");
            return new RowLock(pool, connection, transaction, mentorId, pid);
        } catch (RuntimeException e) {
            connection.closeAndAwait();
            throw e;
        }
    }

    /** A row lock held by the test; closing it without {@link #release()} rolls back. */
    public static final class RowLock implements AutoCloseable {

        private static final Duration TIMEOUT = Duration.ofSeconds(10);

        private final Pool pool;
        private final SqlConnection connection;
        private final Transaction transaction;
        private final UUID mentorId;
        private final int pid;
        private boolean open = true;

        private RowLock(Pool pool, SqlConnection connection, Transaction transaction, UUID mentorId, int pid) {
            this.pool = pool;
            this.connection = connection;
            this.transaction = transaction;
            this.mentorId = mentorId;
            this.pid = pid;
        }

        /** Waits until a backend waits on this lock, and answers its process id. */
        public int awaitWaiter() {
            return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .until(this::waiters, pids -> !pids.isEmpty()).get(0);
        }

        /** Backends waiting on this lock right now. */
        public List<Integer> waiters() {
            List<Integer> pids = new ArrayList<>();
            for (Row row : pool.preparedQuery("SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))")
                    .execute(Tuple.of(pid)).await().atMost(TIMEOUT)) {
                pids.add(row.getInteger("pid"));
            }
            return pids;
        }

        /** Waits for a backend waiting on this lock and ends its connection under it. */
        public void terminateWaiter() {
            terminate(awaitWaiter());
        }

        /** Ends the connections of every backend waiting on this lock now (none is fine); answers how many. */
        public int terminateWaiters() {
            List<Integer> pids = waiters();
            pids.forEach(this::terminate);
            return pids.size();
        }

        /** Changes the mentor's version in the held transaction: a writer that will win the race on commit. */
        public void bumpVersion() {
            connection.preparedQuery("UPDATE peer_mentor SET version = version + 1 WHERE id = $1")
                    .execute(Tuple.of(mentorId)).await().atMost(TIMEOUT);
        }

        /** Commits: the waiting writer goes on. */
        public void release() {
            if (open) {
                open = false;
                try {
                    transaction.commit().await().atMost(TIMEOUT);
                } finally {
                    connection.closeAndAwait();
                }
            }
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                try {
                    transaction.rollback().await().atMost(TIMEOUT);
                } finally {
                    connection.closeAndAwait();
                }
            }
        }

        private void terminate(int backend) {
            pool.preparedQuery("SELECT pg_terminate_backend($1) AS done").execute(Tuple.of(backend))
                    .await().atMost(TIMEOUT);
        }
    }
}
