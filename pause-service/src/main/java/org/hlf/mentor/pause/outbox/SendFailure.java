package org.hlf.mentor.pause.outbox;

import org.apache.kafka.common.KafkaException;

/** A claimed row the broker did not acknowledge in this round, and why. */
record SendFailure(PendingRow row, String error) {

    /** Longest error text kept on the row: Kafka's messages are short, a stack of causes is not needed. */
    private static final int MAX_ERROR = 2000;

    static SendFailure of(PendingRow row, Throwable failure) {
        Throwable reason = reason(failure);
        String error = reason.getClass().getName() + ": " + reason.getMessage();
        return new SendFailure(row, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
    }

    /** A row not sent because the first send of its topic in this round failed: it backs off with that row. */
    static SendFailure behind(PendingRow row, SendFailure first) {
        String error = "not sent, the round's first send to the topic (row " + first.row().id() + ") failed: "
                + first.error();
        return new SendFailure(row, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
    }

    /**
     * The producer's own exception when there is one. The connector retries a failed send until the delivery timeout
     * and then fails with Mutiny's "Retries exhausted", which carries the producer's exceptions only as suppressed
     * ones; "Topic x not present in metadata" is what an operator needs to read.
     */
    static Throwable reason(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof KafkaException) {
                return current;
            }
            Throwable[] suppressed = current.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                if (suppressed[i] instanceof KafkaException) {
                    return suppressed[i];
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return failure;
    }

    /** The row's failed sends, this one included. */
    int attempts() {
        return row.attempts() + 1;
    }
}
