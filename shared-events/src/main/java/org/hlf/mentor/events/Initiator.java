package org.hlf.mentor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Who caused a status change: a coordinator or admin (JWT subject) or the system itself. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Initiator(Type type, String id) {

    public enum Type {
        COORDINATOR,
        ADMIN,
        SYSTEM
    }

    public static Initiator system(String id) {
        return new Initiator(Type.SYSTEM, id);
    }
}
