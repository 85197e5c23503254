package org.hlf.mentor.pause.status;

/** What asks for a status change. */
public enum Trigger {
    /** A coordinator or admin pauses the mentor. */
    PAUSE,
    /** A coordinator or admin lifts the pause. */
    LIFT,
    /** The certification lapsed (certification event, expiry sweep, auto-expire). */
    EXPIRE,
    /** The certification was renewed. */
    RENEW
}
