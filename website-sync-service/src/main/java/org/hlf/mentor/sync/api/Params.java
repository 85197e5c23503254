package org.hlf.mentor.sync.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.hlf.mentor.support.api.Ids;
import org.hlf.mentor.support.api.InvalidInput;

/**
 * Parses this API's optional and ranged query parameters strictly, so a malformed one is a 400, not a 404 or a 500.
 * Ids themselves are parsed by service-support's {@link Ids}.
 */
public final class Params {

    private Params() {
    }

    /** Absent or empty: every chapter. */
    public static String optionalChapterId(String value) {
        return value == null || value.isEmpty() ? null : Ids.chapterId(value);
    }

    public static UUID optionalMentorId(String value) {
        return value == null || value.isEmpty() ? null : Ids.mentorId(value);
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    public static int limit(String value, int defaultValue, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as out of range
        }
        throw new InvalidInput("limit must be a whole number from 1 to " + max);
    }

    public static void range(Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("from must not be after to");
        }
    }
}
