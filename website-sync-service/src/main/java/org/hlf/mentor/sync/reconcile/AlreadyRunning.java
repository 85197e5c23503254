package org.hlf.mentor.sync.reconcile;

import java.util.UUID;

/** A run is already going (on this replica or another): one at a time. */
public class AlreadyRunning extends RuntimeException {

    private final UUID runId;

    public AlreadyRunning(UUID runId) {
        super("Reconciliation run " + runId + " is still running");
        this.runId = runId;
    }

    public UUID runId() {
        return runId;
    }
}
