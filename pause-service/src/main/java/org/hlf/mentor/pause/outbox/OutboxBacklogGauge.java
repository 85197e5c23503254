package org.hlf.mentor.pause.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The gauges {@code hlf_outbox_backlog_rows} (unpublished rows) and {@code hlf_outbox_oldest_unpublished_seconds}
 * (age of the oldest of them; 0 when there is none). The publish lag timer only measures rows that reached the
 * broker: a relay that publishes nothing at all (broker down, relay stuck) shows no lag there, but here the age
 * grows. Read from the database on a schedule like {@link UndeliverableRowsGauge}; every replica shows the same.
 */
@Startup
@ApplicationScoped
class OutboxBacklogGauge {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogGauge.class);
    // the partial index outbox_unpublished keeps this cheap while the backlog is small, which it normally is
    private static final String READ = """
            SELECT count(*) AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest_seconds
              FROM outbox WHERE published_at IS NULL""";

    private final Pool pool;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    OutboxBacklogGauge(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("hlf.outbox.backlog.rows", rows, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by the broker").register(registry);
        Gauge.builder("hlf.outbox.oldest.unpublished.seconds", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest outbox row not yet acknowledged by the broker (0: none)")
                .register(registry);
    }

    @Scheduled(every = "${hlf.pause.outbox.metrics-refresh:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        // without the database the gauges keep their last values; the datasource health check reports the outage
        return pool.query(READ).execute().invoke(result -> {
            Row row = result.iterator().next();
            rows.set(row.getLong("n"));
            oldestSeconds.set(Math.round(row.getDouble("oldest_seconds")));
        }).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("outbox backlog not read: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
