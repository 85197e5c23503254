package org.hlf.mentor.sync.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses path and query parameters strictly, so a malformed one is a 400, not a 404 or a 500. */
public final class Params {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Params() {
    }

    private static final Pattern CHAPTER = Pattern.compile("[a-z0-9-]{1,64}");

    public static UUID mentorId(String value) {
        return uuid("mentorId", value);
    }

    public static UUID uuid(String name, String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new InvalidInput(name + " must be a UUID");
        }
        return UUID.fromString(value);
    }

    /** Absent or empty: every chapter. */
    public static String optionalChapterId(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CHAPTER.matcher(value).matches()) {
            throw new InvalidInput("chapterId must match [a-z0-9-]{1,64}");
        }
        return value;
    }

    public static UUID optionalMentorId(String value) {
        return value == null || value.isEmpty() ? null : mentorId(value);
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
