package org.hlf.mentor.sandbox.query;

import org.hlf.mentor.sandbox.contacts.Contact;
import org.hlf.mentor.sandbox.contacts.ContactColumns;

import java.util.List;

/** A parsed {@code $filter}: comparisons that must all hold. No comparisons lets every row through. */
record ContactFilter(List<Comparison> comparisons) {

    static final ContactFilter ALL = new ContactFilter(List.of());

    ContactFilter {
        comparisons = List.copyOf(comparisons);
    }

    boolean matches(Contact contact, ContactColumns columns) {
        for (Comparison comparison : comparisons) {
            if (!comparison.matches(contact, columns)) {
                return false;
            }
        }
        return true;
    }
}
