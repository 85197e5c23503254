package org.hlf.mentor.sandbox.faults;

import java.util.List;

/** A fault rule that cannot be applied; the admin API answers 400 with the problems. */
public class InvalidFaultException extends RuntimeException {

    private final List<String> problems;

    public InvalidFaultException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
