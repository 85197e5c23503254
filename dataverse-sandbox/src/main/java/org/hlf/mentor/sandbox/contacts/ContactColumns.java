package org.hlf.mentor.sandbox.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hlf.mentor.sandbox.SandboxConfig;
import org.hlf.mentor.sandbox.odata.ODataException;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The contact table's columns under their Dataverse logical names. Entity set, key column and visibility
 * column come from configuration so that the client's configuration can be checked against the sandbox.
 */
@ApplicationScoped
public class ContactColumns {

    public static final String PRIMARY_KEY = "contactid";
    public static final String NAME = "fullname";
    public static final String CHAPTER = "hlf_chapterid";
    public static final String MODIFIED_ON = "modifiedon";

    private final String entitySet;
    private final String keyColumn;
    private final String visibilityColumn;
    private final Set<String> readable;
    private final ObjectReader json;

    @Inject
    public ContactColumns(SandboxConfig config, ObjectMapper json) {
        this(config.entitySet(), config.keyColumn(), config.visibilityColumn(), json);
    }

    /** For a configuration other than the injected one, e.g. in unit tests. */
    public ContactColumns(String entitySet, String keyColumn, String visibilityColumn, ObjectMapper json) {
        this.entitySet = entitySet;
        this.keyColumn = keyColumn;
        this.visibilityColumn = visibilityColumn;
        this.readable = Collections.unmodifiableSet(new LinkedHashSet<>(
                List.of(PRIMARY_KEY, keyColumn, visibilityColumn, NAME, CHAPTER, MODIFIED_ON)));
        // "{...} junk" must be refused, not read up to the first complete value
        this.json = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public String entitySet() {
        return entitySet;
    }

    public String keyColumn() {
        return keyColumn;
    }

    public String visibilityColumn() {
        return visibilityColumn;
    }

    /** The entity type name Dataverse puts in its messages, e.g. Microsoft.Dynamics.CRM.contact. */
    public String entityType() {
        String logicalName = entitySet.endsWith("s") ? entitySet.substring(0, entitySet.length() - 1) : entitySet;
        return "Microsoft.Dynamics.CRM." + logicalName;
    }

    /** Columns a GET returns without $select, in that order. */
    public Set<String> readable() {
        return readable;
    }

    /** The columns a {@code $select} names, plus the primary key; all readable columns without one. */
    public Set<String> select(String select) {
        if (select == null || select.isBlank()) {
            return readable;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String column : select.split(",")) {
            String name = column.trim();
            if (!readable.contains(name)) {
                throw ODataException.badRequest("Could not find a property named '" + name + "' on type '"
                        + entityType() + "'.");
            }
            chosen.add(name);
        }
        // Dataverse always returns the primary key, selected or not
        chosen.add(PRIMARY_KEY);
        return chosen;
    }

    /** A readable column's value as JSON shows it: text, a boolean or null. */
    public Object value(Contact contact, String column) {
        if (column.equals(PRIMARY_KEY)) {
            return contact.contactId().toString();
        } else if (column.equals(keyColumn)) {
            return contact.mentorId().toString();
        } else if (column.equals(visibilityColumn)) {
            return contact.visible();
        } else if (column.equals(NAME)) {
            return contact.name();
        } else if (column.equals(CHAPTER)) {
            return contact.chapterId();
        } else if (column.equals(MODIFIED_ON)) {
            return contact.modifiedOn().toString();
        }
        throw new IllegalArgumentException("not a readable column: " + column);
    }

    /** Parses a PATCH body the way Dataverse validates it: unknown columns and wrong types are a 400. */
    public ContactChange parseChange(String body, UUID addressedMentor) {
        ObjectNode object = parseObject(body);
        Boolean visible = null;
        boolean nameGiven = false;
        String name = null;
        boolean chapterGiven = false;
        String chapterId = null;
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String column = field.getKey();
            JsonNode value = field.getValue();
            if (column.startsWith("@")) {
                continue; // instance annotations such as @odata.type carry no data
            }
            if (column.equals(visibilityColumn)) {
                if (!value.isBoolean()) {
                    throw ODataException.badRequest("Cannot convert the literal '" + value + "' to the expected type 'Edm.Boolean'.");
                }
                visible = value.booleanValue();
            } else if (column.equals(NAME)) {
                nameGiven = true;
                name = text(column, value);
            } else if (column.equals(CHAPTER)) {
                chapterGiven = true;
                chapterId = text(column, value);
            } else if (column.equals(keyColumn)) {
                if (!value.isTextual() || !sameMentor(value.textValue(), addressedMentor)) {
                    throw ODataException.badRequest("The value of " + keyColumn + " in the body must match the key in the URL.");
                }
            } else {
                throw ODataException.badRequest("The property '" + column + "' does not exist on type '" + entityType()
                        + "'. Make sure to only use property names that are defined by the type.");
            }
        }
        return new ContactChange(visible, nameGiven, name, chapterGiven, chapterId);
    }

    private ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ODataException.badRequest("The request body is empty: a JSON object with the columns to set is required.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ODataException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ODataException.badRequest("The request body must be a JSON object.");
        }
        return object;
    }

    private static String text(String column, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ODataException.badRequest("Cannot convert the literal '" + value + "' to the expected type 'Edm.String' of " + column + ".");
        }
        return value.textValue();
    }

    private static boolean sameMentor(String text, UUID mentorId) {
        try {
            return UUID.fromString(text).equals(mentorId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
