package org.hlf.mentor.pause.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.logging.Logger;

/**
 * Drives the relay: a NOTIFY on commit wakes it within milliseconds, polling is the fallback for a lost
 * notification or a dropped listener connection (and what picks up rows whose backoff has passed). Each {@link Lane}
 * has its own {@link RelayLoop}, so a round stuck on a topic the broker does not answer for never delays the next
 * round of the regular rows.
 */
@ApplicationScoped
public class OutboxRelayWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);
    static final String CHANNEL = "outbox";

    private final Vertx vertx;
    private final boolean enabled;
    private final String reactiveUrl;
    private final String user;
    private final String password;
    private final List<RelayLoop> loops = new ArrayList<>();
    private PgSubscriber subscriber;

    public OutboxRelayWorker(OutboxRelay relay, Vertx vertx, PauseConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.enabled = config.outbox().relayEnabled();
        this.reactiveUrl = reactiveUrl;
        this.user = user;
        this.password = password.orElse(null);
        for (Lane lane : Lane.values()) {
            loops.add(new RelayLoop(lane, () -> relay.relayOnce(lane), vertx, config.outbox().batchSize(),
                    config.outbox().coalesce().toMillis()));
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("outbox relay disabled in this replica");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl).setUser(user);
        if (password != null) {
            options.setPassword(password);
        }
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> wakeUp());
        subscriber.connect().subscribe().with(
                ok -> {
                    LOG.info("outbox relay listening for commits");
                    wakeUp();
                },
                failure -> LOG.warnf("outbox LISTEN failed, relying on polling: %s", failure.getMessage()));
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(RelayLoop::stop);
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    @Scheduled(every = "${hlf.pause.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** Asks every lane for a relay round soon; cheap and safe to call from any thread. */
    public void wakeUp() {
        if (enabled) {
            loops.forEach(RelayLoop::wakeUp);
        }
    }
}
