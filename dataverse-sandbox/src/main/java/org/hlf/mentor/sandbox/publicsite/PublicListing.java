package org.hlf.mentor.sandbox.publicsite;

import jakarta.enterprise.context.ApplicationScoped;
import org.hlf.mentor.sandbox.contacts.Contact;
import org.hlf.mentor.sandbox.contacts.ContactStore;

import java.util.Comparator;
import java.util.List;

/** Which mentors the portal shows: the contacts whose visibility column is true. */
@ApplicationScoped
public class PublicListing {

    private static final Comparator<PublicMentor> BY_CHAPTER_THEN_NAME = Comparator
            .comparing(PublicMentor::chapterId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PublicMentor::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(PublicMentor::mentorId);

    private final ContactStore store;

    public PublicListing(ContactStore store) {
        this.store = store;
    }

    /** @param chapterId only this chapter, or every chapter when null */
    public List<PublicMentor> visible(String chapterId) {
        return store.all().stream()
                .filter(Contact::visible)
                .filter(contact -> chapterId == null || chapterId.equals(contact.chapterId()))
                .map(contact -> new PublicMentor(contact.mentorId().toString(), contact.chapterId(), contact.name()))
                .sorted(BY_CHAPTER_THEN_NAME)
                .toList();
    }
}
