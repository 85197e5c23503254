package org.hlf.mentor.sync.api;

import java.util.UUID;

/** The operation contradicts what is known of the mentor (409): e.g. restore while not ACTIVE. */
public class Refused extends RuntimeException {

    private final UUID mentorId;
    private final String currentStatus;

    public Refused(UUID mentorId, String currentStatus, String message) {
        super(message);
        this.mentorId = mentorId;
        this.currentStatus = currentStatus;
    }

    public UUID mentorId() {
        return mentorId;
    }

    public String currentStatus() {
        return currentStatus;
    }
}
