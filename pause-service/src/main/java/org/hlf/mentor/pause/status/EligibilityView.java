package org.hlf.mentor.pause.status;

import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.OpenCommitment;

/**
 * Answer of {@code GET .../{mentorId}/eligibility}: {@code eligible} when a pause sent now would go through without
 * an acknowledgement (the mentor is ACTIVE and nothing blocks).
 */
public record EligibilityView(UUID mentorId, MentorStatus currentStatus, boolean eligible,
        List<OpenCommitment> blockers, List<OpenCommitment> warnings) {
}
