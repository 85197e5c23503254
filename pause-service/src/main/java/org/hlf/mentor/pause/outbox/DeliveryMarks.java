package org.hlf.mentor.pause.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a round's outcome into the claimed rows, in the round's transaction: acknowledged rows are published (also
 * when other rows of the round failed, so they are never sent again), failed rows count the attempt, keep the error
 * and wait for their backoff. Times are the database's, like the claim's "due" test.
 */
@ApplicationScoped
class DeliveryMarks {

    private static final String PUBLISHED = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";
    private static final String FAILED = """
            UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4),
                   first_failed_at = coalesce(first_failed_at, now())
             WHERE id = $1""";

    Uni<Void> record(SqlConnection conn, RoundResult result, Backoff backoff) {
        return published(conn, result.acknowledged()).flatMap(ignored -> failed(conn, result.failed(), backoff));
    }

    private Uni<Void> published(SqlConnection conn, List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = rows.stream().map(PendingRow::id).toArray(Long[]::new);
        return conn.preparedQuery(PUBLISHED).execute(Tuple.of(ids)).replaceWithVoid();
    }

    private Uni<Void> failed(SqlConnection conn, List<SendFailure> failures, Backoff backoff) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>(failures.size());
        for (SendFailure failure : failures) {
            double waitSeconds = backoff.after(failure.attempts()).toMillis() / 1000.0;
            batch.add(Tuple.of(failure.row().id(), failure.attempts(), failure.error(), waitSeconds));
        }
        return conn.preparedQuery(FAILED).executeBatch(batch).replaceWithVoid();
    }
}
