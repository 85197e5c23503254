package org.hlf.mentor.pause.security;

import java.util.Set;
import org.hlf.mentor.events.Initiator;

/**
 * Who is acting, from the verified JWT: subject, the role it acts in, and for coordinators the chapters they
 * may see. {@code requestId} ties the audit row to the HTTP request.
 */
public record Actor(String id, Role role, Set<String> chapters, String requestId) {

    public enum Role {
        COORDINATOR,
        ADMIN,
        SYSTEM
    }

    /** The system itself (scheduler, certification events). */
    public static Actor system(String id, String requestId) {
        return new Actor(id, Role.SYSTEM, Set.of(), requestId);
    }

    /** Coordinators see only their chapters; admins and the system see all. */
    public boolean chapterScoped() {
        return role == Role.COORDINATOR;
    }

    public Initiator initiator() {
        return new Initiator(Initiator.Type.valueOf(role.name()), id);
    }
}
