package org.hlf.mentor.pause.status;

import java.util.UUID;

/** No such mentor, or not one the caller may see (coordinators of other chapters get the same answer). */
public class MentorNotFound extends RuntimeException {

    public MentorNotFound(UUID mentorId) {
        super("No mentor " + mentorId + " in your scope");
    }
}
