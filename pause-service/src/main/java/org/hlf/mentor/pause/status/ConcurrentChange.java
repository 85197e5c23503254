package org.hlf.mentor.pause.status;

import java.util.UUID;

/** Another request changed the mentor first; this one rolled back. */
public class ConcurrentChange extends RuntimeException {

    private final UUID mentorId;

    public ConcurrentChange(UUID mentorId) {
        super("Mentor " + mentorId + " was changed concurrently");
        this.mentorId = mentorId;
    }

    public UUID mentorId() {
        return mentorId;
    }
}
