package org.hlf.mentor.sync.write;

import java.util.UUID;

/** Another write for the mentor held its lock longer than a manual operation waits. */
public class WriteInProgress extends RuntimeException {

    public WriteInProgress(UUID mentorId) {
        super("A portal write for mentor " + mentorId + " is in progress; try again shortly");
    }
}
