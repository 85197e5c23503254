package org.hlf.mentor.sandbox.faults;

import java.time.Instant;

/**
 * A rule in force as the admin API shows it.
 *
 * @param remaining uses left, null when the rule has no count
 * @param endsAt    end of an outage, null for other rules
 * @param held      calls this rule holds at its gate right now; a used-up or replaced hold rule stays
 *                  listed (with nothing remaining) until they are released
 */
public record ActiveFault(long id, FaultSpec spec, Long remaining, Instant endsAt, int held) {
}
