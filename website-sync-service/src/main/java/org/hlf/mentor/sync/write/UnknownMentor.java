package org.hlf.mentor.sync.write;

import java.util.UUID;

/** No status is known for the mentor: nothing to decide a write from. */
public class UnknownMentor extends RuntimeException {

    public UnknownMentor(UUID mentorId) {
        super("No sync state for mentor " + mentorId);
    }
}
