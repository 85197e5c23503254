package org.hlf.mentor.pause.roster;

/** Counts of a roster import. */
public record ImportResult(int received, int created, int updated, int unchanged) {
}
