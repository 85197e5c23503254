package org.hlf.mentor.sandbox.contacts;

import org.hlf.mentor.sandbox.odata.ODataErrors;
import org.hlf.mentor.sandbox.odata.ODataException;
import org.hlf.mentor.sandbox.odata.ODataResult;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record a Web API path segment like {@code contacts(hlf_mentorid='3f2a...')} points at. Only the
 * alternate key is supported: that is the only way the website sync addresses contacts.
 */
public record ContactAddress(UUID mentorId) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\((.*)\\))?");
    private static final Pattern ALTERNATE_KEY = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*'((?:[^']|'')*)'\\s*");

    /**
     * @param segment decoded path segment after the service root
     * @throws ODataException with the answer Dataverse gives for an unknown entity set or an unusable key
     */
    public static ContactAddress parse(String segment, ContactColumns columns) {
        Matcher matcher = SEGMENT.matcher(segment);
        if (!matcher.matches() || !matcher.group(1).equals(columns.entitySet())) {
            String name = matcher.matches() ? matcher.group(1) : segment;
            throw new ODataException(ODataErrors.error(404, ODataErrors.RESOURCE_NOT_FOUND,
                    "Resource not found for the segment '" + name + "'."));
        }
        String key = matcher.group(2);
        if (key == null) {
            throw new ODataException(ODataErrors.error(501, ODataErrors.ODATA_LAYER,
                    "The sandbox serves single " + columns.entitySet() + " addressed by "
                            + columns.keyColumn() + "; collection queries are not supported."));
        }
        Matcher keyMatcher = ALTERNATE_KEY.matcher(key);
        if (!keyMatcher.matches()) {
            throw ODataException.badRequest("The key '" + key + "' is not supported: address "
                    + columns.entitySet() + " by " + columns.keyColumn() + "='<mentor id>'.");
        }
        if (!keyMatcher.group(1).equals(columns.keyColumn())) {
            throw ODataException.badRequest("The key attribute '" + keyMatcher.group(1) + "' is not an alternate key of "
                    + columns.entityType() + "; use " + columns.keyColumn() + ".");
        }
        String value = keyMatcher.group(2).replace("''", "'");
        return new ContactAddress(parseMentorId(value, columns));
    }

    /** The mentor id a segment names, if it names one, for logging calls that fail before parsing. */
    public static Optional<UUID> mentorIdOf(String segment, ContactColumns columns) {
        try {
            return Optional.of(parse(segment, columns).mentorId());
        } catch (ODataException e) {
            return Optional.empty();
        }
    }

    private static UUID parseMentorId(String value, ContactColumns columns) {
        try {
            // UUID.fromString accepts short groups like 1-1-1-1-1; a mentor id is the canonical 36 characters
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            ODataResult answer = ODataErrors.badRequest("The value '" + value + "' of " + columns.keyColumn()
                    + " is not a mentor id: it must be a UUID.");
            throw new ODataException(answer);
        }
    }
}
