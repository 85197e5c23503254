package org.hlf.mentor.pause.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;

/** The status body of the coordinator API. */
public record MentorStatusView(UUID mentorId, String chapterId, MentorStatus status, LocalDate certificationValidUntil,
        long version, Instant updatedAt, PauseView currentPause) {

    public static MentorStatusView of(PeerMentor mentor, PausePeriod openPause) {
        return new MentorStatusView(mentor.id, mentor.chapterId, mentor.status, mentor.certificationValidUntil,
                mentor.version, mentor.updatedAt, PauseView.of(openPause));
    }
}
