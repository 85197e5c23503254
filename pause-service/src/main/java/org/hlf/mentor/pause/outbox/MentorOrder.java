package org.hlf.mentor.pause.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps one mentor's events on one topic in order when several relays claim rows at once with {@code SKIP LOCKED}
 * and when rows fail: a relay may send a claimed row only if every older unpublished row of the same mentor and
 * topic is claimed by it too, and sends them one after another. A row another relay holds, or one that waits for its
 * backoff, holds back the rows behind it until a later round. Order is per topic, not per mentor: consumers of
 * different topics never see each other's order, and a topic that fails must not stop the mentor's other topics.
 */
final class MentorOrder {

    /** What order is kept for: one mentor on one topic (the Kafka key on one topic lands on one partition). */
    record Key(UUID mentorId, String topic) {

        static Key of(PendingRow row) {
            return new Key(row.mentorId(), row.topic());
        }
    }

    private MentorOrder() {
    }

    /**
     * @param claimed         rows this relay locked, in id order
     * @param pendingIdsByKey for each claimed (mentor, topic), the ids of all its unpublished rows up to the highest
     *                        claimed id, ascending (whoever holds them, due or not)
     * @return the claimed rows that may be sent now: one sequence per (mentor, topic), each in id order, to be sent
     *         one after another; the sequences in the order of their first row
     */
    static List<List<PendingRow>> sequences(List<PendingRow> claimed, Map<Key, List<Long>> pendingIdsByKey) {
        Set<Long> mine = new HashSet<>();
        claimed.forEach(row -> mine.add(row.id()));
        Set<Long> allowed = new HashSet<>();
        pendingIdsByKey.forEach((key, ids) -> {
            for (long id : ids) {
                if (!mine.contains(id)) {
                    break;
                }
                allowed.add(id);
            }
        });
        Map<Key, List<PendingRow>> sequences = new LinkedHashMap<>();
        for (PendingRow row : claimed) {
            if (allowed.contains(row.id())) {
                sequences.computeIfAbsent(Key.of(row), key -> new ArrayList<>()).add(row);
            }
        }
        return new ArrayList<>(sequences.values());
    }
}
