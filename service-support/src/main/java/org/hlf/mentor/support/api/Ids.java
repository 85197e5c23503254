package org.hlf.mentor.support.api;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parses path and query identifiers strictly, so a malformed one is a 400, not a 404 or a 500. */
public final class Ids {

    /**
     * A chapter id, as HLF's website slugs them. The one definition both services check against: path and query
     * parameters, bodies ({@code @Pattern}) and the {@code chapters} claim of a token.
     */
    public static final String CHAPTER_PATTERN = "[a-z0-9-]{1,64}";
    private static final Pattern CHAPTER = Pattern.compile(CHAPTER_PATTERN);
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID mentorId(String value) {
        return uuid("mentorId", value);
    }

    /** Only the canonical 8-4-4-4-12 form: {@link UUID#fromString} alone also takes "1-2-3-4-5". */
    public static UUID uuid(String name, String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new InvalidInput(name + " must be a UUID");
        }
        return UUID.fromString(value);
    }

    public static String chapterId(String value) {
        if (!isChapterId(value)) {
            throw new InvalidInput("chapterId must match " + CHAPTER_PATTERN);
        }
        return value;
    }

    public static boolean isChapterId(String value) {
        return value != null && CHAPTER.matcher(value).matches();
    }
}
