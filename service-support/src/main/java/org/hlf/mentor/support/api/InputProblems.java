package org.hlf.mentor.support.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;

/**
 * How a service words a body that JSON binding or Bean Validation refused (always a 400). {@link BriefInputProblems}
 * answers unless the service provides its own bean, e.g. one that names the JSON path or lists each violation.
 */
public interface InputProblems {

    /** A body that is JSON but does not bind: a wrong type, an impossible value, a missing creator property. */
    Problem unreadable(JsonMappingException e);

    /** A bound body or parameter that breaks a constraint. */
    Problem invalid(ConstraintViolationException e);
}
