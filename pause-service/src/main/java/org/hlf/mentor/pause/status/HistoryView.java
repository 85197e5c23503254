package org.hlf.mentor.pause.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.OpenCommitment;
import org.hlf.mentor.pause.audit.StatusAudit;

/** Pause periods and transitions of a mentor, newest first. */
public record HistoryView(UUID mentorId, List<PausePeriodView> pausePeriods, List<TransitionView> transitions) {

    public record PausePeriodView(LocalDate startDate, LocalDate expectedReturnDate, String reason,
            String initiatedBy, Instant startedAt, Instant endedAt, String endedBy, String endNote) {

        static PausePeriodView of(PausePeriod p) {
            return new PausePeriodView(p.startDate, p.expectedReturnDate, p.reason, p.initiatedBy, p.startedAt,
                    p.endedAt, p.endedBy, p.endNote);
        }
    }

    /** {@code acknowledgedCommitments}: the blocking commitments the pause went through despite; null if none. */
    public record TransitionView(String action, String fromStatus, String toStatus, long version, String actorId,
            String actorRole, String reason, String requestId, Instant occurredAt,
            List<OpenCommitment> acknowledgedCommitments) {

        private static final TypeReference<List<OpenCommitment>> COMMITMENTS = new TypeReference<>() {
        };

        static TransitionView of(StatusAudit a, ObjectMapper json) {
            return new TransitionView(a.action, a.fromStatus, a.toStatus, a.version, a.actorId, a.actorRole,
                    a.reason, a.requestId, a.occurredAt, commitments(a.acknowledgedCommitments, json));
        }

        private static List<OpenCommitment> commitments(String stored, ObjectMapper json) {
            try {
                return stored == null ? null : json.readValue(stored, COMMITMENTS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable acknowledged_commitments in status_audit", e);
            }
        }
    }
}
