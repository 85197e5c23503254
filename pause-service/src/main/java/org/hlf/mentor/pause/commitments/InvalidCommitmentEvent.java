package org.hlf.mentor.pause.commitments;

import org.hlf.mentor.pause.inbox.InvalidEvent;

/** A mentor-commitments record that can never be applied: unreadable, incomplete or implausible. */
public class InvalidCommitmentEvent extends InvalidEvent {

    public InvalidCommitmentEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
