package org.hlf.mentor.sync.alert;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The alert window's counts and each alert's incident state, in the database: a restart mid-incident still ends it
 * with a "resolved", and of several replicas evaluating at once exactly one wins each change (conditional update).
 */
@ApplicationScoped
public class Incidents {

    private static final String STATS = """
            SELECT count(*) AS writes,
                   count(*) FILTER (WHERE failure IS NOT NULL) AS failures,
                   count(*) FILTER (WHERE failure = 'REJECTED') AS rejections
              FROM website_sync_log
             WHERE created_at > now() - make_interval(secs => $1) AND action IN ('HIDE', 'RESTORE')
               AND outcome <> 'DISCARDED'""";

    /** Fires only if it is not firing already: answers the start time when this caller opened the incident. */
    private static final String FIRE = """
            INSERT INTO alert_incident (alert, state, started_at, detail, updated_at)
            VALUES ($1, 'FIRING', now(), $2, now())
            ON CONFLICT (alert) DO UPDATE SET state = 'FIRING', started_at = now(), resolved_at = NULL,
                                              detail = EXCLUDED.detail, updated_at = now()
             WHERE alert_incident.state = 'RESOLVED'
            RETURNING started_at""";

    private static final String RESOLVE = """
            UPDATE alert_incident SET state = 'RESOLVED', resolved_at = now(), updated_at = now()
             WHERE alert = $1 AND state = 'FIRING' RETURNING started_at""";

    private final Pool pool;

    public Incidents(Pool pool) {
        this.pool = pool;
    }

    public Uni<WindowStats> stats(Duration window) {
        return pool.preparedQuery(STATS).execute(Tuple.of((double) window.toSeconds())).map(rows -> {
            var row = rows.iterator().next();
            return new WindowStats(row.getLong("writes"), row.getLong("failures"), row.getLong("rejections"));
        });
    }

    /** Alert name to whether it is firing now. */
    public Uni<Map<String, Boolean>> firing() {
        return pool.query("SELECT alert, state FROM alert_incident").execute().map(rows -> {
            Map<String, Boolean> states = new HashMap<>();
            rows.forEach(row -> states.put(row.getString("alert"), "FIRING".equals(row.getString("state"))));
            return states;
        });
    }

    /** The incident's start when this caller opened it; null when it was firing already. */
    public Uni<Instant> fire(String alert, String detail) {
        return pool.preparedQuery(FIRE).execute(Tuple.of(alert, detail)).map(Incidents::startedAt);
    }

    /** The ended incident's start when this caller ended it; null when it was not firing. */
    public Uni<Instant> resolve(String alert) {
        return pool.preparedQuery(RESOLVE).execute(Tuple.of(alert)).map(Incidents::startedAt);
    }

    private static Instant startedAt(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        OffsetDateTime started = rows.iterator().next().getOffsetDateTime(0);
        return started == null ? Instant.now() : started.toInstant();
    }
}
