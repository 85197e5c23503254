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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.logging.Logger;

/**
 * One relay round of a {@link Lane}, in one transaction bounded by the round timeout: claim the lane's due
 * unpublished rows ({@code FOR UPDATE SKIP LOCKED}, so replicas never block each other), keep those whose older rows
 * of the same mentor and topic are claimed too ({@link MentorOrder}), send them ({@link RoundSender}), then mark
 * what the broker acknowledged as published and back off what failed ({@link DeliveryMarks}). A crash before the
 * mark rolls the claim back and the rows are sent again (at-least-once); no row is skipped because the relay asks
 * for "unpublished", never for "ids above the last one seen".
 * <p>
 * A row is due when it never failed or its backoff has passed; a row behind a row of its mentor and topic that waits
 * for its backoff is not claimed at all, so waiting rows never fill a batch.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /*
     * The failing rows are read once per claim, into "failing": as subqueries per candidate row PostgreSQL planned
     * them as a scan of every unpublished row for each candidate, once the statistics showed an empty outbox.
     */
    private static final String CLAIM = """
            WITH failing AS MATERIALIZED (
                SELECT aggregate_id, topic, id, next_attempt_at FROM outbox
                 WHERE published_at IS NULL AND attempts > 0)
            SELECT o.id, o.aggregate_id, o.topic, o.event_type, o.event_id, o.payload, o.created_at, o.attempts
              FROM outbox o
             WHERE o.published_at IS NULL
               AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())
               AND %s
               AND NOT EXISTS (SELECT 1 FROM failing w
                                WHERE w.aggregate_id = o.aggregate_id AND w.topic = o.topic AND w.id < o.id
                                  AND w.next_attempt_at > now())
             ORDER BY o.id LIMIT $1
               FOR UPDATE OF o SKIP LOCKED""";
    private static final String PENDING_OF_MENTORS = """
            SELECT id, aggregate_id, topic FROM outbox
             WHERE published_at IS NULL AND aggregate_id = ANY($1) AND id <= $2 ORDER BY id""";

    private final Pool pool;
    private final RoundSender sender;
    private final DeliveryMarks marks;
    private final SendFailureReport report;
    private final Map<Lane, String> claims = new EnumMap<>(Lane.class);
    private final int batchSize;
    private final Duration roundTimeout;
    private final Backoff backoff;
    /** Commit to broker ack per row: what ops alert on when the relay falls behind. */
    private final Timer publishLag;

    public OutboxRelay(Pool pool, RoundSender sender, DeliveryMarks marks, SendFailureReport report,
            PauseConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.sender = sender;
        this.marks = marks;
        this.report = report;
        for (Lane lane : Lane.values()) {
            claims.put(lane, CLAIM.formatted(lane.topicCondition()));
        }
        this.batchSize = config.outbox().batchSize();
        this.roundTimeout = config.outbox().roundTimeout();
        this.backoff = new Backoff(config.outbox().retryBackoff(), config.outbox().retryBackoffMax());
        this.publishLag = Timer.builder("hlf.outbox.publish.lag")
                .description("Time from an outbox row's creation to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Runs one round of each lane and answers how many rows they claimed (sent, failed or held back). */
    public Uni<Integer> relayOnce() {
        return relayOnce(acknowledged -> Uni.createFrom().voidItem());
    }

    /** Runs one round of the lane and answers how many rows it claimed (sent, failed or held back). */
    public Uni<Integer> relayOnce(Lane lane) {
        return relayOnce(lane, acknowledged -> Uni.createFrom().voidItem());
    }

    /**
     * @param beforeMark runs after the round's sends ended (with the rows the broker acknowledged) and before they are
     *                   marked; a failure there rolls the round back (tests use it to simulate a crash)
     */
    Uni<Integer> relayOnce(Function<List<PendingRow>, Uni<Void>> beforeMark) {
        return relayOnce(Lane.REGULAR, beforeMark)
                .flatMap(regular -> relayOnce(Lane.QUARANTINE, beforeMark).map(quarantine -> regular + quarantine));
    }

    private Uni<Integer> relayOnce(Lane lane, Function<List<PendingRow>, Uni<Void>> beforeMark) {
        return pool.withTransaction(conn -> {
            Instant deadline = Instant.now().plus(roundTimeout);
            return claim(conn, lane).flatMap(claimed -> {
                if (claimed.isEmpty()) {
                    return Uni.createFrom().item(new Round(0, RoundResult.NOTHING));
                }
                return inOrder(conn, claimed)
                        .flatMap(sequences -> sender.send(sequences, lane, deadline))
                        .flatMap(result -> beforeMark.apply(result.acknowledged())
                                .flatMap(ignored -> marks.record(conn, result, backoff))
                                .replaceWith(new Round(claimed.size(), result)));
            });
        }).invoke(round -> {
            // committed: now the acknowledged rows are published and the failed ones backed off
            recordLag(round.result().acknowledged());
            report.report(round.result().failed(), backoff);
        }).map(Round::claimed);
    }

    private Uni<List<PendingRow>> claim(SqlConnection conn, Lane lane) {
        return conn.preparedQuery(claims.get(lane)).execute(Tuple.of(batchSize)).map(rows -> {
            List<PendingRow> claimed = new ArrayList<>();
            for (Row row : rows) {
                claimed.add(PendingRow.from(row));
            }
            return claimed;
        });
    }

    private Uni<List<List<PendingRow>>> inOrder(SqlConnection conn, List<PendingRow> claimed) {
        UUID[] mentors = claimed.stream().map(PendingRow::mentorId).distinct().toArray(UUID[]::new);
        long maxId = claimed.get(claimed.size() - 1).id();
        return conn.preparedQuery(PENDING_OF_MENTORS).execute(Tuple.of(mentors, maxId)).map(rows -> {
            Map<MentorOrder.Key, List<Long>> pending = new LinkedHashMap<>();
            for (Row row : rows) {
                pending.computeIfAbsent(new MentorOrder.Key(row.getUUID("aggregate_id"), row.getString("topic")),
                        k -> new ArrayList<>()).add(row.getLong("id"));
            }
            List<List<PendingRow>> sequences = MentorOrder.sequences(claimed, pending);
            int sendable = sequences.stream().mapToInt(List::size).sum();
            if (sendable < claimed.size()) {
                LOG.debugf("holding back %d outbox rows behind rows another relay holds", claimed.size() - sendable);
            }
            return sequences;
        });
    }

    private void recordLag(List<PendingRow> rows) {
        Instant now = Instant.now();
        for (PendingRow row : rows) {
            publishLag.record(Duration.between(row.createdAt().toInstant(), now));
        }
    }

    /** How many rows a round claimed, and what became of those it sent. */
    private record Round(int claimed, RoundResult result) {
    }
}
