package org.hlf.mentor.events;

/** Status of a peer mentor; a mentor is shown on the public website exactly when {@link #ACTIVE}. */
public enum MentorStatus {
    ACTIVE,
    PAUSED,
    EXPIRED_CERT;

    public boolean visibleOnWebsite() {
        return this == ACTIVE;
    }
}
