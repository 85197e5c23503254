package org.hlf.mentor.pause.status;

import java.util.List;

/** One page of paused mentors; {@code nextCursor} is null on the last page. */
public record PausedPage(List<MentorStatusView> items, String nextCursor) {
}
