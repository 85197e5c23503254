package org.hlf.mentor.sandbox.admin;

import org.hlf.mentor.sandbox.contacts.Contact;

import java.time.Instant;

/** A contact as the admin API shows it, with the Dataverse row id and version for debugging. */
public record AdminContact(String mentorId, String contactId, String chapterId, String name, boolean visible,
                           long version, Instant modifiedOn) {

    static AdminContact of(Contact contact) {
        return new AdminContact(contact.mentorId().toString(), contact.contactId().toString(), contact.chapterId(),
                contact.name(), contact.visible(), contact.version(), contact.modifiedOn());
    }
}
