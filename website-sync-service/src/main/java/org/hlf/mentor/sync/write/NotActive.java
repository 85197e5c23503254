package org.hlf.mentor.sync.write;

import java.util.UUID;

/** A show refused: the last known status of the mentor is not ACTIVE (or changed away from it while writing). */
public class NotActive extends RuntimeException {

    private final UUID mentorId;
    private final String currentStatus;

    public NotActive(UUID mentorId, String currentStatus, String message) {
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
