package org.hlf.mentor.pause.roster;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.hlf.mentor.support.api.Ids;

/** One mentor of a roster import. */
public record RosterEntry(@NotNull UUID mentorId, @NotNull @Pattern(regexp = Ids.CHAPTER_PATTERN) String chapterId,
        LocalDate certificationValidUntil) {
}
