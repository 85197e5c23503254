package org.hlf.mentor.pause.idempotency;

/** The Idempotency-Key was already used by this caller for a different request (422). */
public class IdempotencyMismatch extends RuntimeException {

    public IdempotencyMismatch(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
