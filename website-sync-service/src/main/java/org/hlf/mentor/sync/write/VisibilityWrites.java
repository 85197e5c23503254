package org.hlf.mentor.sync.write;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
import org.hlf.mentor.sync.portal.VisibilityChange;
import org.hlf.mentor.sync.state.SyncState;
import org.hlf.mentor.sync.state.SyncStateRepository;

/**
 * The one write path to the portal: events, reconciliation, ops' hide/restore/retry and DLQ replay all come here.
 * <p>
 * In one database transaction per call it takes each mentor's advisory lock (so two writes for one mentor never
 * overlap, across replicas too), reads the current state under that lock, decides what to write
 * ({@link WriteDecision}), writes the portal and stores the outcome only if the version it decided from is still
 * the current one. Knowledge (a newer status arriving) does not wait for the lock, so a status can change while its
 * mentor is being written: that outcome is discarded and the mentor written again from the newer status, still
 * under the lock. Advisory rather than row locks because a hide may concern a mentor with no row yet, and so that
 * a claim of newer knowledge is never stuck behind a slow portal call.
 */
@ApplicationScoped
public class VisibilityWrites {

    /** Redo rounds per call; a status still changing after that has its own writer waiting for the lock. */
    static final int ROUNDS = 3;

    private final Pool pool;
    private final SyncStateRepository states;
    private final PortalWriter portal;
    private final WriteBookkeeping books;

    public VisibilityWrites(Pool pool, SyncStateRepository states, PortalWriter portal, WriteBookkeeping books) {
        this.pool = pool;
        this.states = states;
        this.portal = portal;
        this.books = books;
    }

    /**
     * Writes one request per mentor and answers how each ended; fails only when the database does.
     *
     * @param limits how long to wait for writes already in progress for these mentors, and how long the portal
     *               calls may take once the locks are held
     */
    public Uni<List<WriteResult>> apply(List<WriteRequest> requests, WriteLimits limits) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<UUID, WriteRequest> byMentor = new LinkedHashMap<>();
        for (WriteRequest request : requests) {
            if (byMentor.put(request.mentorId(), request) != null) {
                throw new IllegalArgumentException("two write requests for mentor " + request.mentorId());
            }
        }
        return pool.withTransaction(conn -> lockTimeout(conn, limits.lockWait())
                        .chain(() -> lock(conn, byMentor.keySet()))
                        .chain(() -> round(conn, new ArrayList<>(byMentor.values()), 1, new ArrayList<>(),
                                Instant.now().plus(limits.portalBudget()))))
                .invoke(books::afterCommit);
    }

    private Uni<List<WriteResult>> round(SqlConnection conn, List<WriteRequest> pending, int round,
            List<WriteResult> done, Instant deadline) {
        return states.read(conn, pending.stream().map(WriteRequest::mentorId).toList()).chain(known -> {
            List<WriteBookkeeping.Planned> plans = new ArrayList<>(pending.size());
            List<VisibilityChange> changes = new ArrayList<>();
            for (WriteRequest request : pending) {
                SyncState state = known.get(request.mentorId());
                WriteDecision decision = WriteDecision.decide(request, state);
                plans.add(new WriteBookkeeping.Planned(request, state, decision, round > 1));
                if (decision.writes()) {
                    changes.add(new VisibilityChange(request.mentorId(), decision.visible()));
                }
            }
            return portal.write(changes, deadline)
                    .chain(applied -> books.record(conn, plans, applied))
                    .chain(recorded -> {
                        done.addAll(recorded.settled());
                        if (recorded.basisChanged().isEmpty()) {
                            return Uni.createFrom().item(done);
                        }
                        if (round == ROUNDS) {
                            done.addAll(recorded.unsettled());
                            return Uni.createFrom().item(done);
                        }
                        // the newer status decides now, whatever the first intent was
                        List<WriteRequest> again = recorded.basisChanged().stream()
                                .map(r -> WriteRequest.sync(r.mentorId(), true, r.cause())).toList();
                        return round(conn, again, round + 1, done, deadline);
                    });
        });
    }

    private static Uni<Void> lockTimeout(SqlConnection conn, Duration wait) {
        if (wait == null) {
            return Uni.createFrom().voidItem();
        }
        // SET takes no parameters; the value is a number we made
        return conn.query("SET LOCAL lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'").execute()
                .replaceWithVoid();
    }

    /** In ascending key order, so two writers with overlapping mentors cannot deadlock. */
    private static Uni<Void> lock(SqlConnection conn, java.util.Set<UUID> mentors) {
        Long[] keys = mentors.stream().map(VisibilityWrites::lockKey).distinct().sorted().toArray(Long[]::new);
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k")
                .execute(Tuple.tuple().addArrayOfLong(keys)).replaceWithVoid();
    }

    /** A mentor's advisory lock key; a collision only serialises two mentors, it never lets writes overlap. */
    static long lockKey(UUID mentorId) {
        return mentorId.getMostSignificantBits() ^ mentorId.getLeastSignificantBits();
    }
}
