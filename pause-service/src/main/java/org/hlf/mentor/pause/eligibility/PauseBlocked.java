package org.hlf.mentor.pause.eligibility;

import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;

/**
 * A coordinator's pause refused because of open commitments (409 pause-blocked). Not a final answer for the
 * Idempotency-Key: once the commitments are closed, or acknowledged, the same pause may go through.
 */
public class PauseBlocked extends RuntimeException {

    private final UUID mentorId;
    private final MentorStatus current;
    private final Eligibility eligibility;

    public PauseBlocked(UUID mentorId, MentorStatus current, Eligibility eligibility) {
        super("Pause blocked: the mentor has %d open commitment(s) that need a replacement first; send "
                .formatted(eligibility.blockers().size())
                + "\"acknowledgeOpenCommitments\": true to pause anyway and have them listed for reassignment");
        this.mentorId = mentorId;
        this.current = current;
        this.eligibility = eligibility;
    }

    public UUID mentorId() {
        return mentorId;
    }

    public MentorStatus current() {
        return current;
    }

    public Eligibility eligibility() {
        return eligibility;
    }
}
