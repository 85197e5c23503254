package org.hlf.mentor.testsupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact as the sandbox holds it ({@code GET /sandbox/contacts/{mentorId}}).
 *
 * @param version Dataverse's row version: it grows with every write, so a test can tell whether a write happened
 */
public record SandboxContact(UUID mentorId, UUID contactId, String chapterId, String name, boolean visible,
                             long version, Instant modifiedOn) {
}
