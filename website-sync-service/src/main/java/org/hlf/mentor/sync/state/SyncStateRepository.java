package org.hlf.mentor.sync.state;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The per-mentor sync state. Knowledge ({@link #claim}) and portal outcomes ({@link #recordWritten},
 * {@link #recordFailed}) are separate statements: knowledge never waits for a portal call, and an outcome is stored
 * only while the version it was decided from is still the current one. Every statement handles a whole batch.
 */
@ApplicationScoped
public class SyncStateRepository {

    /**
     * Only a newer version wins. The same event again wins too while it is not yet confirmed by the portal: that is
     * the redelivery after a crash between the portal call and the offset commit, or a dead letter replayed. A fact
     * from pause-service's roster has no event id, so it wins by version only.
     */
    private static final String CLAIM = """
            INSERT INTO sync_state (mentor_id, chapter_id, last_status, desired_visible, last_event_version,
                                    last_event_id, status_source, state, updated_at)
            SELECT m, c, s, s = 'ACTIVE', n, e, src, 'PENDING', now()
              FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::bigint[], $5::uuid[], $6::varchar[])
                   AS t(m, c, s, n, e, src)
            ON CONFLICT (mentor_id) DO UPDATE
               SET chapter_id = EXCLUDED.chapter_id, last_status = EXCLUDED.last_status,
                   desired_visible = EXCLUDED.desired_visible, last_event_version = EXCLUDED.last_event_version,
                   last_event_id = EXCLUDED.last_event_id, status_source = EXCLUDED.status_source,
                   state = 'PENDING', updated_at = now()
             WHERE sync_state.last_event_version < EXCLUDED.last_event_version
                OR (sync_state.last_event_version = EXCLUDED.last_event_version
                    AND sync_state.last_event_id = EXCLUDED.last_event_id AND sync_state.state <> 'IN_SYNC')
            RETURNING mentor_id""";

    /** Conditional on the basis: a write decided from an older version is not stored as the truth. */
    private static final String WRITTEN = """
            UPDATE sync_state s
               SET state = CASE WHEN s.desired_visible = u.visible THEN 'IN_SYNC' ELSE 'PENDING' END,
                   portal_visible = u.visible, consecutive_failures = 0, last_error = NULL,
                   last_attempt_at = now(), last_success_at = now(), attempts = u.attempts, updated_at = now()
              FROM unnest($1::uuid[], $2::boolean[], $3::int[], $4::bigint[]) AS u(mentor_id, visible, attempts, basis)
             WHERE s.mentor_id = u.mentor_id AND s.last_event_version = u.basis
            RETURNING s.mentor_id""";

    private static final String FAILED = """
            UPDATE sync_state s
               SET state = 'FAILED', consecutive_failures = s.consecutive_failures + 1, last_error = u.error,
                   last_attempt_at = now(), attempts = u.attempts, updated_at = now()
              FROM unnest($1::uuid[], $2::int[], $3::text[], $4::bigint[]) AS u(mentor_id, attempts, error, basis)
             WHERE s.mentor_id = u.mentor_id AND s.last_event_version = u.basis
            RETURNING s.mentor_id""";

    /**
     * What a portal read saw, stored only if no write was recorded since the read began (so the read is not older
     * than the last write) and the version is still the one compared with. It never writes the portal.
     */
    private static final String CONFIRM = """
            UPDATE sync_state s
               SET portal_visible = u.visible, state = 'IN_SYNC', updated_at = now()
              FROM unnest($1::uuid[], $2::boolean[], $3::bigint[]) AS u(mentor_id, visible, basis)
             WHERE s.mentor_id = u.mentor_id AND s.last_event_version = u.basis AND s.desired_visible = u.visible
               AND s.state <> 'IN_SYNC' AND (s.last_attempt_at IS NULL OR s.last_attempt_at < $4)
            RETURNING s.mentor_id""";

    private final Pool pool;

    public SyncStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records what is known; answers the mentors whose knowledge changed (their portal write is due). */
    public Uni<Set<UUID>> claim(List<StatusFact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        // one order for every claim, so two claims with overlapping mentors cannot deadlock on row locks
        List<StatusFact> sorted = facts.stream().sorted(Comparator.comparing(StatusFact::mentorId)).toList();
        int n = sorted.size();
        UUID[] mentors = new UUID[n];
        String[] chapters = new String[n];
        String[] statuses = new String[n];
        Long[] versions = new Long[n];
        UUID[] eventIds = new UUID[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            StatusFact f = sorted.get(i);
            mentors[i] = f.mentorId();
            chapters[i] = f.chapterId();
            statuses[i] = f.status().name();
            versions[i] = f.version();
            eventIds[i] = f.eventId();
            sources[i] = f.source().name();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfString(chapters).addArrayOfString(statuses)
                .addArrayOfLong(versions).addArrayOfUUID(eventIds).addArrayOfString(sources);
        return pool.preparedQuery(CLAIM).execute(args).map(SyncStateRepository::mentorIds);
    }

    /** The current states of these mentors (absent: never heard of), read through {@code client}. */
    public Uni<Map<UUID, SyncState>> read(SqlClient client, Collection<UUID> mentorIds) {
        return client.preparedQuery("SELECT * FROM sync_state WHERE mentor_id = ANY($1)")
                .execute(Tuple.of(mentorIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, SyncState> states = new HashMap<>();
                    rows.forEach(row -> states.put(row.getUUID("mentor_id"), SyncState.of(row)));
                    return states;
                });
    }

    public Uni<Map<UUID, SyncState>> read(Collection<UUID> mentorIds) {
        return read(pool, mentorIds);
    }

    /** Stores what the portal now shows; answers the mentors whose basis still held. */
    public Uni<Set<UUID>> recordWritten(SqlClient client, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = outcomes.size();
        UUID[] mentors = new UUID[n];
        Boolean[] visible = new Boolean[n];
        Integer[] attempts = new Integer[n];
        Long[] bases = new Long[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            mentors[i] = o.mentorId();
            visible[i] = o.visible();
            attempts[i] = o.attempts();
            bases[i] = o.basis();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfBoolean(visible).addArrayOfInteger(attempts)
                .addArrayOfLong(bases);
        return client.preparedQuery(WRITTEN).execute(args).map(SyncStateRepository::mentorIds);
    }

    /** Stores a failed attempt; answers the mentors whose basis still held. */
    public Uni<Set<UUID>> recordFailed(SqlClient client, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = outcomes.size();
        UUID[] mentors = new UUID[n];
        Integer[] attempts = new Integer[n];
        String[] errors = new String[n];
        Long[] bases = new Long[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            mentors[i] = o.mentorId();
            attempts[i] = o.attempts();
            errors[i] = o.error();
            bases[i] = o.basis();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfInteger(attempts).addArrayOfString(errors)
                .addArrayOfLong(bases);
        return client.preparedQuery(FAILED).execute(args).map(SyncStateRepository::mentorIds);
    }

    /**
     * Records that the portal already shows what the status asks for, as read at or after {@code readSince}; answers
     * the mentors confirmed (the others need the write path).
     */
    public Uni<Set<UUID>> confirm(List<Outcome> observed, OffsetDateTime readSince) {
        if (observed.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = observed.size();
        UUID[] mentors = new UUID[n];
        Boolean[] visible = new Boolean[n];
        Long[] bases = new Long[n];
        for (int i = 0; i < n; i++) {
            mentors[i] = observed.get(i).mentorId();
            visible[i] = observed.get(i).visible();
            bases[i] = observed.get(i).basis();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfBoolean(visible).addArrayOfLong(bases)
                .addOffsetDateTime(readSince);
        return pool.preparedQuery(CONFIRM).execute(args).map(SyncStateRepository::mentorIds);
    }

    /** The database's clock, which stamps every recorded attempt. */
    public Uni<OffsetDateTime> now() {
        return pool.query("SELECT now()").execute().map(rows -> rows.iterator().next().getOffsetDateTime(0));
    }

    public Uni<Optional<SyncState>> find(UUID mentorId) {
        return read(pool, List.of(mentorId)).map(states -> Optional.ofNullable(states.get(mentorId)));
    }

    /**
     * The state if the caller may see it: {@code chapters} null for every chapter, else the caller's chapters; the
     * scope is part of the query, never a check after loading.
     */
    public Uni<Optional<SyncState>> findInChapters(UUID mentorId, Set<String> chapters) {
        if (chapters == null) {
            return find(mentorId);
        }
        return pool.preparedQuery("SELECT * FROM sync_state WHERE mentor_id = $1 AND chapter_id = ANY($2)")
                .execute(Tuple.of(mentorId, chapters.toArray(String[]::new)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(SyncState.of(rows.iterator().next())));
    }

    /** A portal outcome for one mentor, with the version it was decided from. */
    public record Outcome(UUID mentorId, boolean visible, int attempts, String error, long basis) {
    }

    private static Set<UUID> mentorIds(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getUUID(0)));
        return ids;
    }

}
