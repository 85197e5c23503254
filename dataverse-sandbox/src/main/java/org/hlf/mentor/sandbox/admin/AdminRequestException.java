package org.hlf.mentor.sandbox.admin;

import java.util.List;

/** An admin request the sandbox refuses; mapped to a 400 problem document listing what is wrong. */
public class AdminRequestException extends RuntimeException {

    private final List<String> errors;

    public AdminRequestException(String detail, List<String> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public AdminRequestException(String detail) {
        this(detail, List.of());
    }

    public List<String> errors() {
        return errors;
    }
}
