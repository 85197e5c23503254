package org.hlf.mentor.sync.portal;

/**
 * A portal call that did not succeed. {@code status} is the HTTP status (0 when no answer came), {@code code} the
 * Dataverse error code when the body carried one.
 */
public abstract sealed class PortalException extends RuntimeException permits PortalUnavailable, PortalRejected {

    private final int status;
    private final String code;

    protected PortalException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public abstract boolean retryable();

    /** What goes into the audit log, the sync state and the dead-letter reason. */
    public String describe() {
        return (status == 0 ? "no answer" : "HTTP " + status) + (code == null ? "" : " " + code) + ": " + getMessage();
    }
}
