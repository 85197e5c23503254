package org.hlf.mentor.sandbox.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * The columns a PATCH body sets. A column the body leaves out keeps its value; that is how Dataverse
 * treats a partial update and why a visibility-only update cannot wipe a contact's name.
 */
public record ContactChange(Boolean visible, boolean nameGiven, String name, boolean chapterGiven, String chapterId) {

    /** The row after the change; {@code current} is null when the PATCH creates the contact. */
    public Contact applyTo(Contact current, UUID mentorId, UUID newContactId, long version, Instant now) {
        if (current == null) {
            return new Contact(newContactId, mentorId, chapterGiven ? chapterId : null, nameGiven ? name : null,
                    Boolean.TRUE.equals(visible), version, now);
        }
        return new Contact(current.contactId(), mentorId,
                chapterGiven ? chapterId : current.chapterId(),
                nameGiven ? name : current.name(),
                visible == null ? current.visible() : visible,
                version, now);
    }
}
