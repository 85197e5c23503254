package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** One open commitment of a mentor as pause-service knows it (from {@link CommitmentOpened}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenCommitment(UUID commitmentId, CommitmentKind kind, Instant startsAt, String summary) {
}
