package org.hlf.mentor.sync.portal;

import java.util.UUID;

/** Show or hide one mentor on the website. */
public record VisibilityChange(UUID mentorId, boolean visible) {
}
