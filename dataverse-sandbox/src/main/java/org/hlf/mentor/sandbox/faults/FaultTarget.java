package org.hlf.mentor.sandbox.faults;

import java.util.UUID;

/**
 * Which kind of call asks whether a fault applies to it.
 *
 * @param method the HTTP method of the call on the wire; a $batch part carries its batch's POST
 */
public record FaultTarget(Kind kind, String method, UUID mentorId) {

    public enum Kind {
        /** the OAuth token endpoint: only rules with includeToken */
        TOKEN,
        /** one HTTP call to the data API; untargeted rules and rules for its mentor */
        DATA_CALL,
        /** one operation inside a $batch: only rules aimed at its mentor, the call as a whole had its turn */
        BATCH_PART
    }

    public static FaultTarget token() {
        return new FaultTarget(Kind.TOKEN, "POST", null);
    }

    public static FaultTarget dataCall(String method, UUID mentorId) {
        return new FaultTarget(Kind.DATA_CALL, method, mentorId);
    }

    /** A rule with a method is about HTTP calls: a part of a $batch travelled in a POST, whatever it says inside. */
    public static FaultTarget batchPart(UUID mentorId) {
        return new FaultTarget(Kind.BATCH_PART, "POST", mentorId);
    }
}
