package org.hlf.mentor.sync.security;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hlf.mentor.support.security.ChapterClaim;

/** The caller of the current request, from its verified JWT: subject, roles and, for coordinators, chapters. */
@RequestScoped
public class Caller {

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
            return ChapterClaim.of(jwt);
        }
        throw new ForbiddenException("no role of this endpoint");
    }
}
