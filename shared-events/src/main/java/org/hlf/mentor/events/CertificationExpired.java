package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A mentor's certification lapsed on {@code validUntil}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificationExpired(UUID eventId, UUID mentorId, LocalDate validUntil, Instant occurredAt)
        implements CertificationEvent {

    public static final String TYPE = "CertificationExpired";
}
