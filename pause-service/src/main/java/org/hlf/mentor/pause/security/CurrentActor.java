package org.hlf.mentor.pause.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hlf.mentor.pause.api.RequestIdFilter;
import org.hlf.mentor.support.security.ChapterClaim;

/** The caller of the current request, from its verified JWT. */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken jwt;
    private final RoutingContext routing;

    public CurrentActor(JsonWebToken jwt, RoutingContext routing) {
        this.jwt = jwt;
        this.routing = routing;
    }

    /**
     * The actor in the most privileged role that both the token and the endpoint allow, so that a token with
     * several groups never escapes the chapter scope on a coordinator endpoint.
     */
    public Actor in(Actor.Role... allowedByEndpoint) {
        Set<String> groups = jwt.getGroups();
        for (Actor.Role role : new Actor.Role[] {Actor.Role.ADMIN, Actor.Role.SYSTEM, Actor.Role.COORDINATOR}) {
            if (groups.contains(role.name().toLowerCase()) && Set.of(allowedByEndpoint).contains(role)) {
                return new Actor(jwt.getSubject(), role, role == Actor.Role.COORDINATOR ? ChapterClaim.of(jwt)
                        : Set.of(), RequestIdFilter.requestId(routing));
            }
        }
        // @RolesAllowed let the request in, so the token has one of the endpoint's roles
        throw new io.quarkus.security.ForbiddenException("no role of this endpoint");
    }
}
