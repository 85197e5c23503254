package org.hlf.mentor.sync.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of dead letters starts: partitions before {@code partition} are done, that one continues at
 * {@code offset}. Opaque to clients (base64url).
 */
public record DlqCursor(int partition, long offset) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((partition + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for an absent cursor; {@link IllegalArgumentException} for one that is not ours. */
    public static DlqCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            DlqCursor decoded = new DlqCursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            if (parts.length != 2 || decoded.partition < 0 || decoded.offset < 0 || !decoded.encode().equals(cursor)) {
                throw new IllegalArgumentException("cursor");
            }
            return decoded;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is malformed: pass back the nextCursor of the previous page", e);
        }
    }
}
