package org.hlf.mentor.sync;

import static org.awaitility.Awaitility.await;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads website-sync-service's real database in tests. */
public final class SyncDb {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private SyncDb() {
    }

    public static Optional<Row> state(Pool pool, UUID mentorId) {
        var rows = pool.preparedQuery("SELECT * FROM sync_state WHERE mentor_id = $1").execute(Tuple.of(mentorId))
                .await().indefinitely();
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    /** Waits for the mentor's state row to satisfy {@code condition}, and answers it. */
    public static Row awaitState(Pool pool, UUID mentorId, Predicate<Row> condition) {
        return await().atMost(WAIT).until(() -> state(pool, mentorId).orElse(null),
                row -> row != null && condition.test(row));
    }

    public static Row awaitState(Pool pool, UUID mentorId, String state) {
        return awaitState(pool, mentorId, row -> state.equals(row.getString("state")));
    }

    /** Audit rows of the mentor, oldest first. */
    public static List<Row> log(Pool pool, UUID mentorId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM website_sync_log WHERE mentor_id = $1 ORDER BY id")
                .execute(Tuple.of(mentorId)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public static List<String> outcomes(Pool pool, UUID mentorId) {
        return log(pool, mentorId).stream().map(r -> r.getString("outcome")).toList();
    }
}
