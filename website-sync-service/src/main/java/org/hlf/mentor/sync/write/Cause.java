package org.hlf.mentor.sync.write;

import java.util.UUID;
import org.hlf.mentor.sync.audit.Source;

/**
 * Why a write happens, for the audit log: what started it, who (ops callers, reconciliation runs), and the event it
 * applies. {@code deadLettered}: a failure ends as a dead letter of the caller, and is logged as such.
 */
public record Cause(Source source, String actor, UUID eventId, Long eventVersion, boolean deadLettered) {

    public static Cause of(Source source, String actor) {
        return new Cause(source, actor, null, null, false);
    }
}
