package org.hlf.mentor.sync.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hlf.mentor.events.MentorStatusChanged;

/** The per-mentor sync state in website-sync-service's database. */
@ApplicationScoped
public class SyncStateRepository {

    /** Only a newer version wins: duplicates and stale events change nothing. */
    private static final String RECORD_DESIRED = """
            INSERT INTO sync_state (mentor_id, chapter_id, last_status, desired_visible, last_event_version,
                                    last_event_id, state, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', now())
            ON CONFLICT (mentor_id) DO UPDATE
               SET chapter_id = EXCLUDED.chapter_id, last_status = EXCLUDED.last_status,
                   desired_visible = EXCLUDED.desired_visible, last_event_version = EXCLUDED.last_event_version,
                   last_event_id = EXCLUDED.last_event_id, state = 'PENDING', updated_at = now()
             WHERE sync_state.last_event_version < EXCLUDED.last_event_version""";

    private final Pool pool;

    public SyncStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Answers whether the event was newer than the last applied one. */
    public Uni<Boolean> recordDesired(MentorStatusChanged event) {
        Tuple args = Tuple.of(event.mentorId(), event.chapterId(), event.newStatus().name(),
                event.newStatus().visibleOnWebsite(), event.version(), event.eventId());
        return pool.preparedQuery(RECORD_DESIRED).execute(args).map(rows -> rows.rowCount() == 1);
    }
}
