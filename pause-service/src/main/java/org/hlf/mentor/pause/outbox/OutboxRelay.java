package org.hlf.mentor.pause.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.logging.Logger;

/**
 * One relay round: claim unpublished rows ({@code FOR UPDATE SKIP LOCKED}, so replicas never block each
 * other), publish them in id order and wait for the broker's acks, then mark them published, all in one
 * transaction. A crash before the mark rolls the claim back and the rows are sent again (at-least-once);
 * no row is skipped because the relay asks for "unpublished", never for "ids above the last one seen".
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            SELECT id, aggregate_id, topic, event_type, event_id, payload, created_at
              FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""";
    private static final String PENDING_OF_MENTORS = """
            SELECT id, aggregate_id FROM outbox
             WHERE published_at IS NULL AND aggregate_id = ANY($1) AND id <= $2 ORDER BY id""";
    private static final String MARK = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final int batchSize;
    /** Commit to broker ack per row: what ops alert on when the relay falls behind. */
    private final Timer publishLag;

    public OutboxRelay(Pool pool, OutboxPublisher publisher, PauseConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.publisher = publisher;
        this.batchSize = config.outbox().batchSize();
        this.publishLag = Timer.builder("hlf.outbox.publish.lag")
                .description("Time from an outbox row's creation to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Runs one round and answers how many rows it claimed (published or held back for order). */
    public Uni<Integer> relayOnce() {
        return relayOnce(published -> Uni.createFrom().voidItem());
    }

    /**
     * @param beforeMark runs after the broker acknowledged the published rows and before they are marked;
     *                   a failure there rolls the round back (tests use it to simulate a crash)
     */
    Uni<Integer> relayOnce(Function<List<PendingRow>, Uni<Void>> beforeMark) {
        return pool.withTransaction(conn -> claim(conn).flatMap(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return inOrder(conn, claimed)
                    .flatMap(rows -> publishAll(rows)
                            .flatMap(ignored -> beforeMark.apply(rows))
                            .flatMap(ignored -> mark(conn, rows))
                            .invoke(() -> recordLag(rows)))
                    .replaceWith(claimed.size());
        }));
    }

    private Uni<List<PendingRow>> claim(SqlConnection conn) {
        return conn.preparedQuery(CLAIM).execute(Tuple.of(batchSize)).map(rows -> {
            List<PendingRow> claimed = new ArrayList<>();
            for (Row row : rows) {
                claimed.add(PendingRow.from(row));
            }
            return claimed;
        });
    }

    private Uni<List<PendingRow>> inOrder(SqlConnection conn, List<PendingRow> claimed) {
        UUID[] mentors = claimed.stream().map(PendingRow::mentorId).distinct().toArray(UUID[]::new);
        long maxId = claimed.get(claimed.size() - 1).id();
        return conn.preparedQuery(PENDING_OF_MENTORS).execute(Tuple.of(mentors, maxId)).map(rows -> {
            Map<UUID, List<Long>> pending = new LinkedHashMap<>();
            for (Row row : rows) {
                pending.computeIfAbsent(row.getUUID("aggregate_id"), k -> new ArrayList<>()).add(row.getLong("id"));
            }
            List<PendingRow> publishable = MentorOrder.publishable(claimed, pending);
            if (publishable.size() < claimed.size()) {
                LOG.debugf("holding back %d outbox rows behind rows another relay holds",
                        claimed.size() - publishable.size());
            }
            return publishable;
        });
    }

    private Uni<Void> publishAll(List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Sent in id order through one producer: the idempotent producer keeps that order per partition.
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            acks.add(publisher.publish(row));
        }
        return Uni.join().all(acks).andFailFast().replaceWithVoid();
    }

    private void recordLag(List<PendingRow> rows) {
        Instant now = Instant.now();
        for (PendingRow row : rows) {
            publishLag.record(Duration.between(row.createdAt().toInstant(), now));
        }
    }

    private Uni<Void> mark(SqlConnection conn, List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = rows.stream().map(PendingRow::id).toArray(Long[]::new);
        return conn.preparedQuery(MARK).execute(Tuple.of(ids)).replaceWithVoid();
    }
}
