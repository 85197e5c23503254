package org.hlf.mentor.sync.write;

import java.time.Instant;
import org.hlf.mentor.sync.portal.VisibilityChange;

/** How the portal write for one change ended: {@code failure} is null on success. */
public record Applied(VisibilityChange change, int attempts, Throwable failure, Instant firstFailure,
        long durationMs) {

    public boolean succeeded() {
        return failure == null;
    }
}
