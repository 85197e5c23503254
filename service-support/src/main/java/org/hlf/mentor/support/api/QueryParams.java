package org.hlf.mentor.support.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Parses optional and ranged query parameters strictly, so a malformed one is a 400, not a 404 or a 500; an empty
 * parameter counts as absent. Ids themselves are parsed by {@link Ids}.
 */
public final class QueryParams {

    private QueryParams() {
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

    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name + " must be an ISO-8601 date such as 2027-03-01");
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
        throw new InvalidInput("limit must be between 1 and " + max);
    }

    public static void range(Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("from must not be after to");
        }
    }
}
