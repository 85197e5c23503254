package org.hlf.mentor.testsupport;

import java.util.UUID;

/** A contact to put into the sandbox through {@code POST /sandbox/contacts}. */
public record SeedContact(UUID mentorId, String chapterId, String name, boolean visible) {

    /** A mentor shown on the website, as a freshly enrolled mentor is. */
    public static SeedContact visible(UUID mentorId, String chapterId, String name) {
        return new SeedContact(mentorId, chapterId, name, true);
    }
}
