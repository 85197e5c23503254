package org.hlf.mentor.sync.portal;

import java.time.Duration;
import java.util.Optional;

/** Worth another attempt: throttling (429), a 5xx, a timeout or a broken connection. */
public sealed class PortalUnavailable extends PortalException permits PortalBudgetUsedUp {

    private final Duration retryAfter;

    public PortalUnavailable(int status, String code, String message, Duration retryAfter, Throwable cause) {
        super(status, code, message, cause);
        this.retryAfter = retryAfter;
    }

    public static PortalUnavailable transport(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new PortalUnavailable(0, null, message, null, cause);
    }

    /** What the portal asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
