package org.hlf.mentor.sandbox.faults;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.Optional;

/** The parts of a fault that act on the connection or the timing rather than on the answer. */
public final class FaultEffects {

    private FaultEffects() {
    }

    /**
     * Waits at the fault's hold gate, then out its latency, without holding a thread. Emits the fault as the
     * call should now apply it: its description then says how long the call was held.
     */
    public static Uni<Optional<Fault>> await(Optional<Fault> fault) {
        if (fault.isEmpty()) {
            return Uni.createFrom().item(fault);
        }
        Fault drawn = fault.get();
        Uni<Fault> held = drawn.hold() == null ? Uni.createFrom().item(drawn)
                : drawn.hold().passed().map(drawn::afterHold);
        return held.call(FaultEffects::delay).map(Optional::of);
    }

    private static Uni<Void> delay(Fault fault) {
        Uni<Void> now = Uni.createFrom().voidItem();
        return fault.latencyMs() > 0 ? now.onItem().delayIt().by(Duration.ofMillis(fault.latencyMs())) : now;
    }

    /**
     * Ends the call the way a crashed proxy or a cut network does: the TCP connection closes with no HTTP
     * answer. Whatever the resource returns afterwards is discarded by the closed connection.
     */
    public static void dropConnection(HttpServerRequest request) {
        request.connection().close();
    }
}
