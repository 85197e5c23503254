package org.hlf.mentor.support.api;

/** Input that passed JSON binding but breaks a rule (400). */
public class InvalidInput extends RuntimeException {

    public InvalidInput(String message) {
        super(message);
    }
}
