package org.hlf.mentor.pause.certification;

import org.hlf.mentor.pause.inbox.InvalidEvent;

/** A certification record that can never be applied: unreadable, incomplete or with a date that makes no sense. */
public class InvalidCertificationEvent extends InvalidEvent {

    public InvalidCertificationEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
