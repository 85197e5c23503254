package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event of the certification feature on {@link Topics#CERTIFICATION_EVENTS}; the {@code type} property
 * tells the kinds apart.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CertificationExpired.class, name = CertificationExpired.TYPE),
    @JsonSubTypes.Type(value = CertificationRenewed.class, name = CertificationRenewed.TYPE)
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface CertificationEvent permits CertificationExpired, CertificationRenewed {

    UUID eventId();

    UUID mentorId();

    /** For an expiry the lapsed end date, for a renewal the new end date. */
    LocalDate validUntil();

    Instant occurredAt();
}
