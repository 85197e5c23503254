package org.hlf.mentor.sandbox.contacts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Writes contact rows as the Web API shows them: ETag annotation, then the selected columns. Streams
 * straight into the answer, because a collection page holds up to 5,000 rows.
 */
public final class ContactJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ContactJson() {
    }

    /** Writes {@code body} into a JSON text; I/O cannot fail on a string, so failures are unchecked. */
    public static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The fields of one row, without the enclosing braces, so a single entity can add its context first. */
    public static void writeFields(JsonGenerator json, Contact contact, Set<String> select, ContactColumns columns)
            throws IOException {
        json.writeStringField("@odata.etag", contact.etag());
        for (String column : select) {
            Object value = columns.value(contact, column);
            if (value == null) {
                json.writeNullField(column);
            } else if (value instanceof Boolean flag) {
                json.writeBooleanField(column, flag);
            } else {
                json.writeStringField(column, value.toString());
            }
        }
    }

    /** A JSON document written field by field. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }
}
