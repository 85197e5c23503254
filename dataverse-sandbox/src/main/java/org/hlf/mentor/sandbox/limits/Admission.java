package org.hlf.mentor.sandbox.limits;

/** The verdict of the service protection limits on one incoming request. */
public sealed interface Admission {

    /** The request may run; it must hand its ticket back when it is done. */
    record Admitted(Ticket ticket) implements Admission {
    }

    /** The request is refused with 429; {@code code} and {@code message} are the ones Dataverse sends. */
    record Refused(String code, String message, int retryAfterSeconds) implements Admission {
    }

    /** Accounts a running request's end: frees its concurrency slot and books its execution time. */
    interface Ticket {
        void release();
    }
}
