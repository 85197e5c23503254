package org.hlf.mentor.pause.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The gauge {@code hlf_outbox_undeliverable_rows}: unpublished rows whose sends have failed. It is read from the
 * database on a schedule, not at scrape time (a scrape must not wait for a query), and it counts the rows of every
 * replica, so all replicas show the same number. Created at start, so the series exists (at 0) before any failure.
 */
@Startup
@ApplicationScoped
class UndeliverableRowsGauge {

    private static final Logger LOG = Logger.getLogger(UndeliverableRowsGauge.class);

    private final UndeliverableRows rows;
    private final AtomicLong value = new AtomicLong();

    UndeliverableRowsGauge(UndeliverableRows rows, MeterRegistry registry) {
        this.rows = rows;
        Gauge.builder("hlf.outbox.undeliverable.rows", value, AtomicLong::get)
                .description("Unpublished outbox rows whose sends failed (missing or forbidden topic, refused record)")
                .register(registry);
    }

    @Scheduled(every = "${hlf.pause.outbox.metrics-refresh:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        // without the database the gauge keeps its last value; the datasource health check reports the outage
        return rows.read().invoke(snapshot -> value.set(snapshot.rows())).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("undeliverable rows not read: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
