package org.hlf.mentor.pause.status;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST .../lift}. */
public record LiftRequest(@Size(max = 500) String note) {
}
