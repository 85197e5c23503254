package org.hlf.mentor.sandbox.query;

/**
 * A literal of a {@code $filter} comparison.
 *
 * @param value null for {@code null}, a Boolean, or text (a GUID in its canonical lower-case form)
 */
record Literal(Type type, Object value) {

    enum Type {
        NULL("null"), BOOLEAN("Edm.Boolean"), STRING("Edm.String"), GUID("Edm.Guid");

        private final String edmName;

        Type(String edmName) {
            this.edmName = edmName;
        }

        String edmName() {
            return edmName;
        }
    }

    static final Literal NULL = new Literal(Type.NULL, null);
}
