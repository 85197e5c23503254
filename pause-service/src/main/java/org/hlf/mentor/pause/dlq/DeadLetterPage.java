package org.hlf.mentor.pause.dlq;

import java.util.List;

/**
 * One page of the listing; {@code nextCursor} is null on the last page, {@code remaining} counts the matching
 * letters after this page.
 */
public record DeadLetterPage(List<DeadLetterView> items, String nextCursor, long remaining) {
}
