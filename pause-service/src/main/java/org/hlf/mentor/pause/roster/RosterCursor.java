package org.hlf.mentor.pause.roster;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;
import org.hlf.mentor.support.api.InvalidInput;

/**
 * The roster read's cursor: the last mentor id of a page, as base64url of its 16 bytes. Clients only pass it
 * back; anything that is not one of ours is a 400.
 */
final class RosterCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private RosterCursor() {
    }

    static String encode(UUID lastMentorId) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(lastMentorId.getMostSignificantBits()).putLong(lastMentorId.getLeastSignificantBits());
        return ENCODER.encodeToString(bytes.array());
    }

    /** Null for an absent or empty cursor (the first page). */
    static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = cursor.length() == 22 ? DECODER.decode(cursor) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != 16) {
            throw malformed();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        // one spelling per cursor: the unused low bits of the last character must be zero
        if (!encode(id).equals(cursor)) {
            throw malformed();
        }
        return id;
    }

    private static InvalidInput malformed() {
        return new InvalidInput("cursor is malformed: pass back the nextCursor of the previous page");
    }
}
