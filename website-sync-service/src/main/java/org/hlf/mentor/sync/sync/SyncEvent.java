package org.hlf.mentor.sync.sync;

import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.sync.portal.VisibilityChange;

/** A readable status change and the record it came in. */
public record SyncEvent(InboundRecord record, MentorStatusChanged event) {

    /** The visibility rule: shown exactly when the mentor is ACTIVE. */
    public VisibilityChange change() {
        return new VisibilityChange(event.mentorId(), event.newStatus().visibleOnWebsite());
    }
}
