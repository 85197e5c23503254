package org.hlf.mentor.sandbox.admin;

import java.util.UUID;

/** Mentor ids in admin URLs: the canonical 36-character UUID, anything else is a 400. */
final class MentorIdParam {

    private MentorIdParam() {
    }

    static UUID parse(String text) {
        try {
            // UUID.fromString also takes abbreviated forms like 1-2-3-4-5
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException("mentorId must be a UUID, not '" + text + "'.");
        }
    }
}
