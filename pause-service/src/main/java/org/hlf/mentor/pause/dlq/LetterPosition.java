package org.hlf.mentor.pause.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hlf.mentor.support.api.InvalidInput;

/** Where a letter sits on the topic; letters are listed and replayed in (partition, offset) order. */
public record LetterPosition(int partition, long offset) implements Comparable<LetterPosition> {

    @Override
    public int compareTo(LetterPosition other) {
        return partition != other.partition ? Integer.compare(partition, other.partition)
                : Long.compare(offset, other.offset);
    }

    /** The opaque cursor of a page that ends here. */
    public String cursor() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((partition + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInput unless the value came from {@link #cursor()} */
    public static LetterPosition ofCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2) {
                LetterPosition position = new LetterPosition(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
                if (position.partition >= 0 && position.offset >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below (NumberFormatException is one too)
        }
        throw new InvalidInput("cursor is malformed: pass back the nextCursor of the previous page");
    }
}
