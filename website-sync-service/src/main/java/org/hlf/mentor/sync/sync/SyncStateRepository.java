package org.hlf.mentor.sync.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatusChanged;

/** The per-mentor sync state. Every statement handles a whole batch: one round trip per poll, not per record. */
@ApplicationScoped
public class SyncStateRepository {

    /**
     * Only a newer version wins. The same event again wins too while it is not yet confirmed by the portal: that is
     * the redelivery after a crash between the portal call and the offset commit, or a dead letter replayed.
     */
    private static final String CLAIM = """
            INSERT INTO sync_state (mentor_id, chapter_id, last_status, desired_visible, last_event_version,
                                    last_event_id, state, updated_at)
            SELECT m, c, s, v, n, e, 'PENDING', now()
              FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::boolean[], $5::bigint[], $6::uuid[])
                   AS t(m, c, s, v, n, e)
            ON CONFLICT (mentor_id) DO UPDATE
               SET chapter_id = EXCLUDED.chapter_id, last_status = EXCLUDED.last_status,
                   desired_visible = EXCLUDED.desired_visible, last_event_version = EXCLUDED.last_event_version,
                   last_event_id = EXCLUDED.last_event_id, state = 'PENDING', updated_at = now()
             WHERE sync_state.last_event_version < EXCLUDED.last_event_version
                OR (sync_state.last_event_version = EXCLUDED.last_event_version
                    AND sync_state.last_event_id = EXCLUDED.last_event_id AND sync_state.state <> 'IN_SYNC')
            RETURNING mentor_id""";

    /** The version condition keeps a late answer from overwriting a newer event's state. */
    private static final String SYNCED = """
            UPDATE sync_state s
               SET state = CASE WHEN s.desired_visible = u.visible THEN 'IN_SYNC' ELSE 'PENDING' END,
                   portal_visible = u.visible, consecutive_failures = 0, last_error = NULL,
                   last_attempt_at = now(), last_success_at = now(), attempts = u.attempts, updated_at = now()
              FROM unnest($1::uuid[], $2::boolean[], $3::int[]) AS u(mentor_id, visible, attempts)
             WHERE s.mentor_id = u.mentor_id""";

    private static final String FAILED = """
            UPDATE sync_state s
               SET state = 'FAILED', consecutive_failures = s.consecutive_failures + 1, last_error = u.error,
                   last_attempt_at = now(), attempts = u.attempts, updated_at = now()
              FROM unnest($1::uuid[], $2::int[], $3::text[]) AS u(mentor_id, attempts, error)
             WHERE s.mentor_id = u.mentor_id""";

    private final Pool pool;

    public SyncStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records what the website should show; answers the mentors whose event is to be applied now. */
    public Uni<Set<UUID>> claim(List<MentorStatusChanged> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = events.size();
        UUID[] mentors = new UUID[n];
        String[] chapters = new String[n];
        String[] statuses = new String[n];
        Boolean[] visible = new Boolean[n];
        Long[] versions = new Long[n];
        UUID[] eventIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            MentorStatusChanged e = events.get(i);
            mentors[i] = e.mentorId();
            chapters[i] = e.chapterId();
            statuses[i] = e.newStatus().name();
            visible[i] = e.newStatus().visibleOnWebsite();
            versions[i] = e.version();
            eventIds[i] = e.eventId();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfString(chapters).addArrayOfString(statuses)
                .addArrayOfBoolean(visible).addArrayOfLong(versions).addArrayOfUUID(eventIds);
        return pool.preparedQuery(CLAIM).execute(args).map(rows -> {
            Set<UUID> claimed = new HashSet<>();
            for (Row row : rows) {
                claimed.add(row.getUUID(0));
            }
            return claimed;
        });
    }

    /** The portal now shows what the changes wrote. */
    public Uni<Void> synced(List<Applied> applied) {
        if (applied.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = applied.size();
        UUID[] mentors = new UUID[n];
        Boolean[] visible = new Boolean[n];
        Integer[] attempts = new Integer[n];
        for (int i = 0; i < n; i++) {
            mentors[i] = applied.get(i).change().mentorId();
            visible[i] = applied.get(i).change().visible();
            attempts[i] = applied.get(i).attempts();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfBoolean(visible).addArrayOfInteger(attempts);
        return pool.preparedQuery(SYNCED).execute(args).replaceWithVoid();
    }

    public Uni<Void> failed(List<Applied> applied) {
        if (applied.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = applied.size();
        UUID[] mentors = new UUID[n];
        Integer[] attempts = new Integer[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            mentors[i] = applied.get(i).change().mentorId();
            attempts[i] = applied.get(i).attempts();
            errors[i] = org.hlf.mentor.sync.portal.PortalClient.describe(applied.get(i).failure());
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfInteger(attempts).addArrayOfString(errors);
        return pool.preparedQuery(FAILED).execute(args).replaceWithVoid();
    }

    public Uni<Optional<SyncState>> find(UUID mentorId) {
        return pool.preparedQuery("SELECT * FROM sync_state WHERE mentor_id = $1").execute(Tuple.of(mentorId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(SyncState.of(rows.iterator().next())));
    }

    /**
     * The state if the caller may see it: {@code chapters} null for every chapter, else the caller's chapters; the
     * scope is part of the query, never a check after loading.
     */
    public Uni<Optional<SyncState>> findInChapters(UUID mentorId, java.util.Set<String> chapters) {
        if (chapters == null) {
            return find(mentorId);
        }
        return pool.preparedQuery("SELECT * FROM sync_state WHERE mentor_id = $1 AND chapter_id = ANY($2)")
                .execute(Tuple.of(mentorId, chapters.toArray(String[]::new)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(SyncState.of(rows.iterator().next())));
    }

    /** A page of the states (of one chapter when given) in mentor order, after {@code after} (null: from the start). */
    public Uni<List<SyncState>> page(String chapterId, UUID after, int limit) {
        String sql = "SELECT * FROM sync_state WHERE ($2::varchar IS NULL OR chapter_id = $2)"
                + " AND ($3::uuid IS NULL OR mentor_id > $3) ORDER BY mentor_id LIMIT $1";
        return pool.preparedQuery(sql).execute(Tuple.of(limit, chapterId, after)).map(rows -> {
            List<SyncState> page = new java.util.ArrayList<>();
            rows.forEach(row -> page.add(SyncState.of(row)));
            return page;
        });
    }
}
