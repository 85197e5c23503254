package org.hlf.mentor.sandbox.batch;

/** The $batch body cannot be read as a batch; the whole batch is refused with 400. */
public class BatchFormatException extends RuntimeException {

    public BatchFormatException(String message) {
        super(message, null, false, false);
    }
}
