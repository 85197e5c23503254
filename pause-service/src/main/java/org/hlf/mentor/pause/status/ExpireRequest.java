package org.hlf.mentor.pause.status;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST .../auto-expire}. */
public record ExpireRequest(@Size(max = 500) String reason) {
}
