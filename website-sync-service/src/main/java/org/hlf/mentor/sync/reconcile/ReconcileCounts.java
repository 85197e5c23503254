package org.hlf.mentor.sync.reconcile;

import java.util.concurrent.atomic.AtomicInteger;

/** The running counts of one run, read by the heartbeat while the run adds to them. */
final class ReconcileCounts {

    final AtomicInteger portalContacts = new AtomicInteger();
    final AtomicInteger portalRequests = new AtomicInteger();
    final AtomicInteger checked = new AtomicInteger();
    final AtomicInteger inSync = new AtomicInteger();
    final AtomicInteger drifted = new AtomicInteger();
    final AtomicInteger repaired = new AtomicInteger();
    final AtomicInteger missingInPortal = new AtomicInteger();
    final AtomicInteger unknownToPauseService = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    volatile String phase = ReconcileRun.PHASE_PORTAL;
}
