package org.hlf.mentor.pause.idempotency;

import java.util.Optional;

/**
 * Which failures of a request are its final answer, and how that answer reads. Those are kept for the
 * Idempotency-Key like a success: a repeat gets the same 4xx even after the state changed. A failure a repeat may
 * rightly improve on (a 5xx, 401/403, a lost race) is not final.
 */
public interface FinalAnswers {

    /** The answer as the client got it, or empty when the failure is not final. */
    Optional<Refusal> of(Throwable failure);

    /** HTTP status and the exact body (problem+json) of a final failed answer. */
    record Refusal(int status, String body) {
    }
}
