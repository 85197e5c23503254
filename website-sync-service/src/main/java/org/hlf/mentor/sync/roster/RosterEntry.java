package org.hlf.mentor.sync.roster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;

/** A mentor as pause-service knows it now: the truth, with the version its last transition gave it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RosterEntry(UUID mentorId, String chapterId, MentorStatus status, long version) {
}
