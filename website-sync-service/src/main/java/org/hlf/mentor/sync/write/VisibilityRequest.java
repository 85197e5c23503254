package org.hlf.mentor.sync.write;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** Body of sync-visibility: what the portal should show. */
public record VisibilityRequest(@JsonProperty("isVisible") @NotNull Boolean isVisible) {
}
