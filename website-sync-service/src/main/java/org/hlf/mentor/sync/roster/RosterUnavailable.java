package org.hlf.mentor.sync.roster;

/** The roster could not be read; {@code transient}: another attempt may succeed (5xx, 429, no answer). */
public class RosterUnavailable extends RuntimeException {

    private final boolean transientFailure;

    public RosterUnavailable(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
