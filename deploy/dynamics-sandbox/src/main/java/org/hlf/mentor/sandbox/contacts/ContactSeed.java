package org.hlf.mentor.sandbox.contacts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A contact as the admin API and the seed file describe it.
 *
 * @param visible whether the portal shows the mentor; absent means shown, as for a freshly enrolled mentor
 */
public record ContactSeed(UUID mentorId, String chapterId, String name, Boolean visible) {

    private static final Pattern CHAPTER_ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final int MAX_NAME_LENGTH = 160;

    public boolean visibleOrDefault() {
        return visible == null || visible;
    }

    /** @return what is wrong with this entry, or null */
    public String problem() {
        if (mentorId == null) {
            return "mentorId is required and must be a UUID";
        }
        if (chapterId == null || !CHAPTER_ID.matcher(chapterId).matches()) {
            return "chapterId must match [a-z0-9-]{1,64}";
        }
        if (name == null || name.isBlank()) {
            return "name is required";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "name must be at most " + MAX_NAME_LENGTH + " characters";
        }
        return null;
    }
}
