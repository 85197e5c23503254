package org.hlf.mentor.sync.reconcile;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code reconcile_run} table: one RUNNING row at most, across replicas, by its partial unique index. */
@ApplicationScoped
public class ReconcileRuns {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String ABANDON = """
            UPDATE reconcile_run SET state = 'FAILED', finished_at = now(),
                   error = 'abandoned: no heartbeat since ' || heartbeat_at || ' (its replica stopped)'
             WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $1)""";

    private static final String INSERT = """
            INSERT INTO reconcile_run (id, chapter_id, state, trigger, started_by, started_at, heartbeat_at, phase)
            VALUES ($1, $2, 'RUNNING', $3, $4, now(), now(), 'PORTAL') RETURNING *""";

    private static final String COUNTS = """
            phase = $2, portal_contacts = $3, portal_requests = $4, checked = $5, in_sync = $6, drifted = $7,
            repaired = $8, missing_in_portal = $9, unknown_to_pause_service = $10, failed = $11""";

    private final Pool pool;

    public ReconcileRuns(Pool pool) {
        this.pool = pool;
    }

    /** Opens a run, after closing one whose replica stopped; fails with {@link AlreadyRunning} while one runs. */
    Uni<ReconcileRun> start(String chapterId, String trigger, String startedBy, Duration abandonAfter) {
        UUID id = UUID.randomUUID();
        return pool.withTransaction(conn -> conn.preparedQuery(ABANDON)
                        .execute(Tuple.of((double) abandonAfter.toSeconds()))
                        .chain(() -> conn.preparedQuery(INSERT).execute(Tuple.of(id, chapterId, trigger, startedBy))))
                .map(rows -> ReconcileRun.of(rows.iterator().next()))
                .onFailure(ReconcileRuns::uniqueViolation).recoverWithUni(e -> running()
                        .chain(running -> Uni.createFrom().failure(new AlreadyRunning(running.orElse(null)))));
    }

    Uni<Void> progress(UUID id, ReconcileCounts counts) {
        return pool.preparedQuery("UPDATE reconcile_run SET heartbeat_at = now(), " + COUNTS
                        + " WHERE id = $1 AND state = 'RUNNING'")
                .execute(counts(id, counts)).replaceWithVoid();
    }

    Uni<ReconcileRun> finish(UUID id, ReconcileCounts counts, String state, String error) {
        Tuple args = counts(id, counts).addString(state).addString(error);
        return pool.preparedQuery("UPDATE reconcile_run SET heartbeat_at = now(), finished_at = now(), " + COUNTS
                        + ", state = $12, error = $13 WHERE id = $1 RETURNING *")
                .execute(args).map(rows -> ReconcileRun.of(rows.iterator().next()));
    }

    public Uni<Optional<ReconcileRun>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM reconcile_run WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ReconcileRun.of(rows.iterator().next())));
    }

    /** The newest runs first. */
    public Uni<List<ReconcileRun>> recent(int limit) {
        return pool.preparedQuery("SELECT * FROM reconcile_run ORDER BY started_at DESC LIMIT $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<ReconcileRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(ReconcileRun.of(row)));
                    return runs;
                });
    }

    private Uni<Optional<UUID>> running() {
        return pool.query("SELECT id FROM reconcile_run WHERE state = 'RUNNING'").execute()
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }

    private static Tuple counts(UUID id, ReconcileCounts c) {
        return Tuple.tuple().addUUID(id).addString(c.phase).addInteger(c.portalContacts.get())
                .addInteger(c.portalRequests.get()).addInteger(c.checked.get()).addInteger(c.inSync.get())
                .addInteger(c.drifted.get()).addInteger(c.repaired.get()).addInteger(c.missingInPortal.get())
                .addInteger(c.unknownToPauseService.get()).addInteger(c.failed.get());
    }

    private static boolean uniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
