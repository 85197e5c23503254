package org.hlf.mentor.pause.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.UUID;
import org.hlf.mentor.events.CertificationRenewed;
import org.junit.jupiter.api.Test;

/** Which records can never apply, decided before the handler runs. */
class CertificationEventReaderTest {

    private final CertificationEventReader reader =
            new CertificationEventReader(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void readsACompleteEvent() {
        UUID mentor = UUID.randomUUID();
        var event = reader.read(renewal(mentor, "2027-06-30"));
        assertThat(event).isInstanceOf(CertificationRenewed.class);
        assertThat(event.mentorId()).isEqualTo(mentor);
    }

    @Test
    void unreadableMissingOrImplausibleIsInvalid() {
        assertThatThrownBy(() -> reader.read("{not json")).isInstanceOf(InvalidCertificationEvent.class)
                .hasMessageStartingWith("unreadable certification event");
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(InvalidCertificationEvent.class);
        assertThatThrownBy(() -> reader.read("{\"type\":\"CertificationRenewed\",\"eventId\":\"" + UUID.randomUUID()
                + "\"}")).isInstanceOf(InvalidCertificationEvent.class)
                .hasMessage("missing eventId, mentorId or validUntil");
        assertThatThrownBy(() -> reader.read(renewal(UUID.randomUUID(), "+12026-01-01")))
                .isInstanceOf(InvalidCertificationEvent.class).hasMessageContaining("not a plausible date");
        assertThatThrownBy(() -> reader.read(renewal(UUID.randomUUID(), "0026-01-01")))
                .isInstanceOf(InvalidCertificationEvent.class).hasMessageContaining("not a plausible date");
    }

    private static String renewal(UUID mentor, String validUntil) {
        return "{\"type\":\"CertificationRenewed\",\"eventId\":\"" + UUID.randomUUID() + "\",\"mentorId\":\"" + mentor
                + "\",\"validUntil\":\"" + validUntil + "\",\"occurredAt\":\"2026-11-22T10:00:00Z\"}";
    }
}
