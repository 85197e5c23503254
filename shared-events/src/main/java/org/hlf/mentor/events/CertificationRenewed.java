package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A mentor's certification was renewed until {@code validUntil}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificationRenewed(UUID eventId, UUID mentorId, LocalDate validUntil, Instant occurredAt)
        implements CertificationEvent {

    public static final String TYPE = "CertificationRenewed";
}
