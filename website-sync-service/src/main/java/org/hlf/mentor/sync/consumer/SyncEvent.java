package org.hlf.mentor.sync.consumer;

import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.sync.audit.Source;
import org.hlf.mentor.sync.state.StatusFact;

/** A readable status change and the record it came in. */
record SyncEvent(InboundRecord record, MentorStatusChanged event) {

    StatusFact fact(Source source) {
        return new StatusFact(event.mentorId(), event.chapterId(), event.newStatus(), event.version(), event.eventId(),
                source);
    }
}
