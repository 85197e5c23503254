package org.hlf.mentor.pause.outbox;

import io.smallrye.mutiny.Uni;

/** Hands an outbox row to the broker through a lane's producer. */
interface RowPublisher {

    /** Completes when the broker acknowledged the record; fails when the producer gives up on it. */
    Uni<Void> publish(PendingRow row, Lane lane);
}
