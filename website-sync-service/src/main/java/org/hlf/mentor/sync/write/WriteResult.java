package org.hlf.mentor.sync.write;

import java.util.UUID;

/**
 * How a write request ended. {@code visible} is what was written (null when nothing was); {@code applied} carries
 * the portal call's attempts and failure; {@code redone}: the status changed while writing, so the mentor was
 * written again from the newer status.
 */
public record WriteResult(UUID mentorId, Kind kind, Boolean visible, String lastStatus, Applied applied,
        boolean redone) {

    public enum Kind {
        /** The portal now shows {@code visible}, decided from the status current when it was stored. */
        WRITTEN,
        /** Nothing to write: the portal already shows what the status asks for. */
        ALREADY_IN_SYNC,
        /** The portal call failed (retries exhausted or rejected). */
        FAILED,
        /** A SHOW for a mentor whose last known status is not ACTIVE: nothing written. */
        NOT_ACTIVE,
        /** A SYNC or SHOW for a mentor never heard of: nothing to decide from. */
        UNKNOWN,
        /**
         * The status changed while a failed write was in flight: the newer status has its own write coming (its
         * claim is waiting for this mentor's lock), so this outcome is not stored.
         */
        SUPERSEDED,
        /** The status kept changing through every redo round; the last writer of the newest status settles it. */
        UNSETTLED
    }

    public boolean failed() {
        return kind == Kind.FAILED;
    }
}
