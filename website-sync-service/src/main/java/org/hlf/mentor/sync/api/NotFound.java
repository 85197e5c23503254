package org.hlf.mentor.sync.api;

/** Nothing known (or visible to the caller) under this id (404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
