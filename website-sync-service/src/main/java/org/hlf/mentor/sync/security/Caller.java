package org.hlf.mentor.sync.security;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its verified JWT: subject, roles and, for coordinators, chapters. */
@RequestScoped
public class Caller {

    private static final Pattern CHAPTER = Pattern.compile("[a-z0-9-]{1,64}");

    private final JsonWebToken jwt;

    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public String id() {
        return jwt.getSubject();
    }

    /**
     * The chapters the caller may see, or null for all. A token with several groups acts in its most privileged
     * one the endpoint allows, so a coordinator group never narrows an admin, and never widens itself.
     */
    public Set<String> chapterScope() {
        Set<String> groups = jwt.getGroups();
        if (groups.contains("admin") || groups.contains("ops")) {
            return null;
        }
        if (groups.contains("coordinator")) {
            return chapters();
        }
        throw new ForbiddenException("no role of this endpoint");
    }

    private Set<String> chapters() {
        Object claim = jwt.getClaim("chapters");
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
        chapters.removeIf(chapter -> !CHAPTER.matcher(chapter).matches());
        return Set.copyOf(chapters);
    }
}
