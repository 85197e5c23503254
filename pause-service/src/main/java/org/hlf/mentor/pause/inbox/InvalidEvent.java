package org.hlf.mentor.pause.inbox;

/**
 * A consumed record that can never be applied as it stands: unreadable, incomplete or with values that make no
 * sense. Retrying cannot help, so it is dead-lettered at once.
 */
public class InvalidEvent extends RuntimeException {

    public InvalidEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
