package org.hlf.mentor.pause.eligibility;

import java.util.List;
import java.util.stream.Stream;
import org.hlf.mentor.events.OpenCommitment;

/**
 * How a mentor's open commitments bear on a pause: {@code blockers} refuse it unless acknowledged, {@code warnings}
 * are told but never refuse. Every open commitment is in exactly one of the two.
 */
public record Eligibility(List<OpenCommitment> blockers, List<OpenCommitment> warnings) {

    public boolean blocked() {
        return !blockers.isEmpty();
    }

    /** Every open commitment, blockers first: what the coordinators' notification lists for reassignment. */
    public List<OpenCommitment> open() {
        return Stream.concat(blockers.stream(), warnings.stream()).toList();
    }
}
