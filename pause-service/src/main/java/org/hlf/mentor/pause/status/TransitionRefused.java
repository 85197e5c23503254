package org.hlf.mentor.pause.status;

import java.util.Set;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;

/** A trigger the state machine does not allow from the current status (409). */
public class TransitionRefused extends RuntimeException {

    private final UUID mentorId;
    private final MentorStatus current;
    private final Set<MentorStatus> allowedTargets;

    public TransitionRefused(UUID mentorId, MentorStatus current, Set<MentorStatus> allowedTargets, String message) {
        super(message);
        this.mentorId = mentorId;
        this.current = current;
        this.allowedTargets = allowedTargets;
    }

    public UUID mentorId() {
        return mentorId;
    }

    public MentorStatus current() {
        return current;
    }

    public Set<MentorStatus> allowedTargets() {
        return allowedTargets;
    }
}
