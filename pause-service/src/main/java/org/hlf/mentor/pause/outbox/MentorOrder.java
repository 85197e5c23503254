package org.hlf.mentor.pause.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps one mentor's events in order when several relays claim rows at once with {@code SKIP LOCKED}:
 * a relay may publish a claimed row only if every older unpublished row of the same mentor is claimed by
 * it too. Rows behind a row another relay holds wait for the next round.
 */
final class MentorOrder {

    private MentorOrder() {
    }

    /**
     * @param claimed        rows this relay locked, in id order
     * @param pendingIdsByMentor for each claimed mentor, the ids of all its unpublished rows up to the
     *                       highest claimed id, ascending (whoever holds them)
     * @return the claimed rows that may be published now, in id order
     */
    static List<PendingRow> publishable(List<PendingRow> claimed, Map<UUID, List<Long>> pendingIdsByMentor) {
        Set<Long> mine = new HashSet<>();
        claimed.forEach(row -> mine.add(row.id()));
        Set<Long> allowed = new HashSet<>();
        pendingIdsByMentor.forEach((mentor, ids) -> {
            for (long id : ids) {
                if (!mine.contains(id)) {
                    break;
                }
                allowed.add(id);
            }
        });
        List<PendingRow> result = new ArrayList<>(claimed.size());
        for (PendingRow row : claimed) {
            if (allowed.contains(row.id())) {
                result.add(row);
            }
        }
        return result;
    }
}
