package org.hlf.mentor.sandbox.query;

import org.hlf.mentor.sandbox.contacts.Contact;
import org.hlf.mentor.sandbox.contacts.ContactColumns;

/** One {@code <column> eq|ne <literal>} of a {@code $filter}. */
record Comparison(String column, boolean notEqual, Literal literal) {

    boolean matches(Contact contact, ContactColumns columns) {
        Object actual = columns.value(contact, column);
        if (literal.value() == null) {
            return notEqual == (actual != null);
        }
        if (actual == null) {
            // Dataverse compares in SQL, where a comparison with NULL is never true, 'ne' included
            return false;
        }
        // text comparisons follow Dataverse's case-insensitive SQL collation
        boolean equal = actual instanceof String text
                ? text.equalsIgnoreCase((String) literal.value())
                : actual.equals(literal.value());
        return equal != notEqual;
    }
}
