package org.hlf.mentor.pause.api;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parses path and query identifiers strictly, so a malformed one is a 400, not a 404 or a 500. */
public final class Ids {

    public static final String CHAPTER_PATTERN = "[a-z0-9-]{1,64}";
    private static final Pattern CHAPTER = Pattern.compile(CHAPTER_PATTERN);
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID mentorId(String value) {
        return uuid("mentorId", value);
    }

    public static UUID uuid(String name, String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new InvalidInput(name + " must be a UUID");
        }
        return UUID.fromString(value);
    }

    public static String chapterId(String value) {
        if (value == null || !CHAPTER.matcher(value).matches()) {
            throw new InvalidInput("chapterId must match " + CHAPTER_PATTERN);
        }
        return value;
    }
}
