package org.hlf.mentor.pause.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.pause.config.PauseConfig;
import org.jboss.logging.Logger;

/**
 * Drives the relay: a NOTIFY on commit wakes it within milliseconds, polling is the fallback for a lost
 * notification or a dropped listener connection. At most one round runs at a time in this replica; a
 * wake-up during a round makes the loop go once more, and a full batch loops until the backlog is gone.
 */
@ApplicationScoped
public class OutboxRelayWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);
    static final String CHANNEL = "outbox";

    private final OutboxRelay relay;
    private final Vertx vertx;
    private final int batchSize;
    private final long coalesceMillis;
    private final boolean enabled;
    private final String reactiveUrl;
    private final String user;
    private final String password;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopped;
    private PgSubscriber subscriber;

    public OutboxRelayWorker(OutboxRelay relay, Vertx vertx, PauseConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.relay = relay;
        this.vertx = vertx;
        this.batchSize = config.outbox().batchSize();
        this.coalesceMillis = config.outbox().coalesce().toMillis();
        this.enabled = config.outbox().relayEnabled();
        this.reactiveUrl = reactiveUrl;
        this.user = user;
        this.password = password.orElse(null);
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
        stopped = true;
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    @Scheduled(every = "${hlf.pause.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** Asks for a relay round soon; cheap and safe to call from any thread. */
    public void wakeUp() {
        wanted.set(true);
        if (enabled && !stopped && running.compareAndSet(false, true)) {
            if (coalesceMillis > 0) {
                vertx.setTimer(coalesceMillis, id -> round());
            } else {
                round();
            }
        }
    }

    private void round() {
        wanted.set(false);
        relay.relayOnce().subscribe().with(claimed -> {
            if (claimed >= batchSize) {
                wanted.set(true);
            }
            finishRound();
        }, failure -> {
            LOG.warnf(failure, "outbox relay round failed; rows stay unpublished and are retried");
            finishRound();
        });
    }

    private void finishRound() {
        running.set(false);
        if (wanted.get() && !stopped && running.compareAndSet(false, true)) {
            round();
        }
    }
}
