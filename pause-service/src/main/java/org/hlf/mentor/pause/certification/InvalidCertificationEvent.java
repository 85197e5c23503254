package org.hlf.mentor.pause.certification;

/**
 * A certification record that can never be applied as it stands: unreadable, incomplete or with a date that makes
 * no sense. Retrying cannot help, so it is dead-lettered at once.
 */
public class InvalidCertificationEvent extends RuntimeException {

    public InvalidCertificationEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
