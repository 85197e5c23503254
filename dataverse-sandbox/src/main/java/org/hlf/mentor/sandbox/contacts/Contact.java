package org.hlf.mentor.sandbox.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * A Dataverse contact row reduced to what the portal needs. {@code version} plays Dataverse's
 * {@code versionnumber}: it grows on every write and is what the ETag carries.
 */
public record Contact(
        UUID contactId,
        UUID mentorId,
        String chapterId,
        String name,
        boolean visible,
        long version,
        Instant modifiedOn) {

    public String etag() {
        return "W/\"" + version + "\"";
    }
}
