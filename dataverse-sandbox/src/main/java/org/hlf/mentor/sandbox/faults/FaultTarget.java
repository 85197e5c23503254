package org.hlf.mentor.sandbox.faults;

import java.util.UUID;

/** Which kind of call asks whether a fault applies to it. */
public record FaultTarget(Kind kind, UUID mentorId) {

    public enum Kind {
        /** the OAuth token endpoint: only rules with includeToken */
        TOKEN,
        /** one HTTP call to the data API; untargeted rules and rules for its mentor */
        DATA_CALL,
        /** one operation inside a $batch: only rules aimed at its mentor, the call as a whole had its turn */
        BATCH_PART
    }

    public static FaultTarget token() {
        return new FaultTarget(Kind.TOKEN, null);
    }

    public static FaultTarget dataCall(UUID mentorId) {
        return new FaultTarget(Kind.DATA_CALL, mentorId);
    }

    public static FaultTarget batchPart(UUID mentorId) {
        return new FaultTarget(Kind.BATCH_PART, mentorId);
    }
}
