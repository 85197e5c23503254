package org.hlf.mentor.support.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hlf.mentor.support.api.Ids;

/**
 * The chapters a coordinator's verified token names in its {@code chapters} claim. Issuers send it as a JSON array,
 * a list or a single string, so all three are read. A value that is not a chapter id is dropped: it can name no
 * chapter, and so never reaches a query as a scope.
 */
public final class ChapterClaim {

    public static final String NAME = "chapters";

    private ChapterClaim() {
    }

    /** Empty when the claim is absent or names no valid chapter: such a coordinator sees nothing. */
    public static Set<String> of(JsonWebToken jwt) {
        Object claim = jwt.getClaim(NAME);
        Set<String> chapters = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString s) {
                    chapters.add(s.getString());
                }
            });
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> chapters.add(String.valueOf(value)));
        } else if (claim instanceof String single) {
            chapters.add(single);
        }
        chapters.removeIf(chapter -> !Ids.isChapterId(chapter));
        return Set.copyOf(chapters);
    }
}
