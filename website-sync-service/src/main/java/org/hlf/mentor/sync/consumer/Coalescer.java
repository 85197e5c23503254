package org.hlf.mentor.sync.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Within one batch only each mentor's newest event matters: the older ones would be overwritten at once. */
public final class Coalescer {

    private Coalescer() {
    }

    public record Result(List<SyncEvent> latest, List<SyncEvent> superseded) {
    }

    public static Result coalesce(List<SyncEvent> events) {
        Map<UUID, SyncEvent> latest = new LinkedHashMap<>();
        List<SyncEvent> superseded = new ArrayList<>();
        for (SyncEvent candidate : events) {
            SyncEvent kept = latest.get(candidate.event().mentorId());
            // on equal versions the later record wins: a redelivery of the same event
            if (kept == null || candidate.event().version() >= kept.event().version()) {
                if (kept != null) {
                    superseded.add(kept);
                }
                latest.put(candidate.event().mentorId(), candidate);
            } else {
                superseded.add(candidate);
            }
        }
        return new Result(List.copyOf(latest.values()), superseded);
    }
}
