package org.hlf.mentor.pause.expiry;

/** Counts of one expiry sweep: mentors found due, expired now, already expired by someone else, failed. */
public record SweepResult(int due, int expired, int unchanged, int failed) {

    SweepResult plus(SweepResult other) {
        return new SweepResult(due + other.due, expired + other.expired, unchanged + other.unchanged,
                failed + other.failed);
    }
}
