package org.hlf.mentor.pause.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one lane's relay rounds: at most one at a time, a wake-up during a round makes the loop go once more, and a
 * full batch loops until the backlog is gone.
 */
final class RelayLoop {

    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);

    private final Lane lane;
    private final Supplier<Uni<Integer>> round;
    private final Vertx vertx;
    private final int batchSize;
    private final long coalesceMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopped;

    RelayLoop(Lane lane, Supplier<Uni<Integer>> round, Vertx vertx, int batchSize, long coalesceMillis) {
        this.lane = lane;
        this.round = round;
        this.vertx = vertx;
        this.batchSize = batchSize;
        this.coalesceMillis = coalesceMillis;
    }

    /** Asks for a round soon; cheap and safe to call from any thread. */
    void wakeUp() {
        wanted.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            if (coalesceMillis > 0) {
                vertx.setTimer(coalesceMillis, id -> round());
            } else {
                round();
            }
        }
    }

    void stop() {
        stopped = true;
    }

    private void round() {
        wanted.set(false);
        round.get().subscribe().with(claimed -> {
            if (claimed >= batchSize) {
                wanted.set(true);
            }
            finishRound();
        }, failure -> {
            LOG.warnf(failure, "outbox relay round (%s) failed; its rows stay unpublished and are retried", lane);
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
