package org.hlf.mentor.pause.commitments;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hlf.mentor.events.CommitmentEvent;
import org.hlf.mentor.events.CommitmentOpened;

/** Reads a mentor-commitments record and checks what the projection relies on. */
@ApplicationScoped
public class CommitmentEventReader {

    /** The projection's column; a longer summary is cut there rather than losing the commitment. */
    static final int MAX_SUMMARY = 500;
    /** Start times outside this range are garbage (and year 10000 and later is not SQL's). */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final ObjectMapper mapper;

    public CommitmentEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws InvalidCommitmentEvent when the record can never be applied */
    public CommitmentEvent read(String value) {
        CommitmentEvent event;
        try {
            event = mapper.readValue(value, CommitmentEvent.class);
        } catch (Exception e) {
            throw new InvalidCommitmentEvent("unreadable commitment event: " + e.getMessage(), e);
        }
        if (event == null || event.eventId() == null || event.commitmentId() == null || event.mentorId() == null) {
            throw new InvalidCommitmentEvent("missing eventId, commitmentId or mentorId", null);
        }
        if (event instanceof CommitmentOpened opened) {
            if (opened.kind() == null) {
                throw new InvalidCommitmentEvent("CommitmentOpened without a kind", null);
            }
            if (opened.startsAt() != null
                    && (opened.startsAt().isBefore(EARLIEST) || opened.startsAt().isAfter(LATEST))) {
                throw new InvalidCommitmentEvent("startsAt " + opened.startsAt() + " is not a plausible time", null);
            }
            if (opened.summary() != null && opened.summary().length() > MAX_SUMMARY) {
                return new CommitmentOpened(opened.eventId(), opened.commitmentId(), opened.mentorId(), opened.kind(),
                        opened.startsAt(), opened.summary().substring(0, MAX_SUMMARY - 1) + "…",
                        opened.occurredAt());
            }
        }
        return event;
    }
}
