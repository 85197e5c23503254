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
    RENEW,
    /**
     * The roster entry was edited (admin, system): a new chapter and/or certification date, taken as given; a date
     * that changes validity expires or renews the mentor like the two triggers above.
     */
    ROSTER
}
