package org.hlf.mentor.sync.replay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What replays did with each dead letter, by its place on the dead-letter topic ({@code dlq_replay}): the topic's
 * incarnation, partition and offset.
 */
@ApplicationScoped
public class ReplayMarks {

    private static final String MARK = """
            INSERT INTO dlq_replay (topic_id, dlq_partition, dlq_offset, mentor_id, outcome, detail, replays,
                                    replayed_at)
            SELECT $6, p, o, m, r, d, 1, now()
              FROM unnest($1::int[], $2::bigint[], $3::uuid[], $4::varchar[], $5::text[]) AS t(p, o, m, r, d)
            ON CONFLICT (topic_id, dlq_partition, dlq_offset) DO UPDATE
               SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail, replays = dlq_replay.replays + 1,
                   replayed_at = now()""";

    /** A letter's place on the topic. */
    public record Place(int partition, long offset) {
    }

    public record Mark(Place place, UUID mentorId, String outcome, String detail) {
    }

    private final Pool pool;

    public ReplayMarks(Pool pool) {
        this.pool = pool;
    }

    /** The outcome recorded for each of these places (of the topic's incarnation) that a replay has touched. */
    public Uni<Map<Place, String>> outcomes(String topicId, List<Place> places) {
        if (places.isEmpty() || topicId == null) {
            return Uni.createFrom().item(Map.of());
        }
        Integer[] partitions = places.stream().map(Place::partition).toArray(Integer[]::new);
        Long[] offsets = places.stream().map(Place::offset).toArray(Long[]::new);
        return pool.preparedQuery("""
                SELECT r.dlq_partition, r.dlq_offset, r.outcome FROM dlq_replay r
                  JOIN unnest($1::int[], $2::bigint[]) AS t(p, o) ON r.dlq_partition = t.p AND r.dlq_offset = t.o
                 WHERE r.topic_id = $3""")
                .execute(Tuple.tuple().addArrayOfInteger(partitions).addArrayOfLong(offsets).addString(topicId))
                .map(rows -> {
                    Map<Place, String> outcomes = new HashMap<>();
                    rows.forEach(row -> outcomes.put(new Place(row.getInteger(0), row.getLong(1)), row.getString(2)));
                    return outcomes;
                });
    }

    public Uni<Void> mark(String topicId, List<Mark> marks) {
        if (marks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = marks.size();
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        UUID[] mentors = new UUID[n];
        String[] outcomes = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            Mark m = marks.get(i);
            partitions[i] = m.place().partition();
            offsets[i] = m.place().offset();
            mentors[i] = m.mentorId();
            outcomes[i] = m.outcome();
            details[i] = m.detail();
        }
        return pool.preparedQuery(MARK).execute(Tuple.tuple().addArrayOfInteger(partitions).addArrayOfLong(offsets)
                .addArrayOfUUID(mentors).addArrayOfString(outcomes).addArrayOfString(details).addString(topicId))
                .replaceWithVoid();
    }
}
