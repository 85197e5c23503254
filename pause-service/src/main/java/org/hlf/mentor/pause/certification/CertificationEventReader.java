package org.hlf.mentor.pause.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.hlf.mentor.events.CertificationEvent;

/** Reads a certification record and checks what the handler relies on; the consumer and the DLQ replay share it. */
@ApplicationScoped
public class CertificationEventReader {

    /** Certification dates outside this range are typos or garbage (and year 10000 and later is not SQL's). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final ObjectMapper mapper;

    public CertificationEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws InvalidCertificationEvent when the record can never be applied */
    public CertificationEvent read(String value) {
        CertificationEvent event;
        try {
            event = mapper.readValue(value, CertificationEvent.class);
        } catch (Exception e) {
            throw new InvalidCertificationEvent("unreadable certification event: " + e.getMessage(), e);
        }
        if (event == null || event.eventId() == null || event.mentorId() == null || event.validUntil() == null) {
            throw new InvalidCertificationEvent("missing eventId, mentorId or validUntil", null);
        }
        if (event.validUntil().isBefore(EARLIEST) || event.validUntil().isAfter(LATEST)) {
            throw new InvalidCertificationEvent("validUntil " + event.validUntil() + " is not a plausible date ("
                    + EARLIEST + " to " + LATEST + ")", null);
        }
        return event;
    }
}
