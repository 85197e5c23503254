package org.hlf.mentor.pause.roster;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.hlf.mentor.support.api.Ids;

/** Body of {@code PUT /api/v1/mentors/{mentorId}}; a missing certification date means "not certified". */
public record MentorRegistration(@NotNull @Pattern(regexp = Ids.CHAPTER_PATTERN) String chapterId,
        LocalDate certificationValidUntil) {
}
