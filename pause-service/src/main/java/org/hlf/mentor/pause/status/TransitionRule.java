package org.hlf.mentor.pause.status;

import java.util.List;
import org.hlf.mentor.events.MentorStatus;

/** One row of the state machine table, as {@code GET /transitions} shows it. */
public record TransitionRule(MentorStatus from, MentorStatus to, Trigger trigger, String condition, List<String> roles) {
}
