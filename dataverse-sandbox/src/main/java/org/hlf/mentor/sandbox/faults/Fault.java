package org.hlf.mentor.sandbox.faults;

/**
 * What happens to one call.
 *
 * @param latencyMs         delay before anything else happens
 * @param status            error status to answer with, null to answer normally after the delay
 * @param resetConnection   drop the connection instead of answering
 * @param retryAfterSeconds Retry-After header to send with the error, null for none
 * @param description       how the request log names the fault
 */
public record Fault(long latencyMs, Integer status, boolean resetConnection, Integer retryAfterSeconds,
                    String description) {

    public boolean failsCall() {
        return status != null || resetConnection;
    }
}
