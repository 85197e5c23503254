package org.hlf.mentor.sandbox.contacts;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * What is wrong with a list of entries, each problem prefixed with its position, at most {@code max} of
     * them so that a mistake repeated 100,000 times still gives a readable answer.
     */
    public static List<String> problemsIn(List<ContactSeed> seeds, String label, int max) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < seeds.size() && problems.size() < max; i++) {
            ContactSeed seed = seeds.get(i);
            String problem = seed == null ? "entry must be an object" : seed.problem();
            if (problem != null) {
                problems.add(label + "[" + i + "] " + problem);
            }
        }
        return problems;
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
