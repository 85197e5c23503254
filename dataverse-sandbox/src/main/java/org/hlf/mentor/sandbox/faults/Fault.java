package org.hlf.mentor.sandbox.faults;

/**
 * What happens to one call.
 *
 * @param latencyMs         delay before anything else happens (after a hold)
 * @param status            error status to answer with, null to answer normally after the delay
 * @param resetConnection   drop the connection instead of answering
 * @param retryAfterSeconds Retry-After header to send with the error, null for none
 * @param description       how the request log names the fault; null for a bare hold until it has ended
 * @param hold              the gate the call waits at first, null when it is not held
 */
public record Fault(long latencyMs, Integer status, boolean resetConnection, Integer retryAfterSeconds,
                    String description, HeldCall hold) {

    public Fault(long latencyMs, Integer status, boolean resetConnection, Integer retryAfterSeconds,
                 String description) {
        this(latencyMs, status, resetConnection, retryAfterSeconds, description, null);
    }

    public boolean failsCall() {
        return status != null || resetConnection;
    }

    /** The same fault once its hold has ended, with how it ended in front of the description. */
    Fault afterHold(String howHeld) {
        return new Fault(latencyMs, status, resetConnection, retryAfterSeconds,
                description == null ? howHeld : howHeld + ", then " + description, null);
    }
}
