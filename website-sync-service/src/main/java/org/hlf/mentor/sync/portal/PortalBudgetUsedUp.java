package org.hlf.mentor.sync.portal;

import java.time.Instant;

/**
 * The operation's time budget ended before the portal accepted it: retryable later (a dead letter, a replay), not
 * now. It carries the portal's last answer, so the dead letter says why it took so long.
 */
public final class PortalBudgetUsedUp extends PortalUnavailable {

    public PortalBudgetUsedUp(Instant deadline, PortalException last) {
        super(last == null ? 0 : last.status(), last == null ? null : last.code(),
                "the write's portal time budget ended at " + deadline
                        + (last == null ? "" : " (last answer: " + last.describe() + ")"), null, last);
    }
}
