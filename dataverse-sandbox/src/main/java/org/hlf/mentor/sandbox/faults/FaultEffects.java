package org.hlf.mentor.sandbox.faults;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.Optional;

/** The parts of a fault that act on the connection rather than on the answer. */
public final class FaultEffects {

    private FaultEffects() {
    }

    /** Waits out injected latency on a timer, without holding a thread. */
    public static Uni<Void> delay(Optional<Fault> fault) {
        long latency = fault.map(Fault::latencyMs).orElse(0L);
        Uni<Void> now = Uni.createFrom().voidItem();
        return latency > 0 ? now.onItem().delayIt().by(Duration.ofMillis(latency)) : now;
    }

    /**
     * Ends the call the way a crashed proxy or a cut network does: the TCP connection closes with no HTTP
     * answer. Whatever the resource returns afterwards is discarded by the closed connection.
     */
    public static void dropConnection(HttpServerRequest request) {
        request.connection().close();
    }
}
