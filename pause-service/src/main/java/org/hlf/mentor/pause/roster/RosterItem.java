package org.hlf.mentor.pause.roster;

import java.time.LocalDate;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;

/** One mentor of the roster read: what the website must show, and the version to compare with. */
public record RosterItem(UUID mentorId, String chapterId, MentorStatus status, long version,
        LocalDate certificationValidUntil) {
}
