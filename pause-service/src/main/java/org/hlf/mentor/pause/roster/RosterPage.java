package org.hlf.mentor.pause.roster;

import java.util.List;

/**
 * One page of the roster in ascending mentor id order; {@code nextCursor} (opaque) asks for the next page and is
 * null on the last one.
 */
public record RosterPage(List<RosterItem> items, String nextCursor) {
}
