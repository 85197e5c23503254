package org.hlf.mentor.sync.write;

/** What a write is asked to achieve; the visibility itself is decided at the moment of writing. */
public enum Intent {
    /** Show exactly when the last known status is ACTIVE (events, reconciliation, retry, replay). */
    SYNC,
    /** Hide now, whatever the status (ops). */
    HIDE,
    /** Show now, refused unless the last known status is ACTIVE at the moment of writing (ops). */
    SHOW
}
