package org.hlf.mentor.sync.roster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of pause-service's roster in mentor id order; {@code nextCursor} is null on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RosterPage(List<RosterEntry> items, String nextCursor) {
}
