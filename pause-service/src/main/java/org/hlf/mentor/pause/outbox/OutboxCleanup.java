package org.hlf.mentor.pause.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.logging.Logger;

/** Deletes published outbox rows older than the retention, so the table stays small. */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private final Pool pool;
    private final PauseConfig config;

    public OutboxCleanup(Pool pool, PauseConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deletePublished() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.outbox().retention());
        return pool.preparedQuery("DELETE FROM outbox WHERE published_at < $1").execute(Tuple.of(cutoff))
                .invoke(rows -> LOG.debugf("deleted %d published outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }
}
