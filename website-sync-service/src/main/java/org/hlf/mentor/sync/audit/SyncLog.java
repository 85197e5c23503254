package org.hlf.mentor.sync.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** logSyncEvent: the sync audit log, written a batch at a time. */
@ApplicationScoped
public class SyncLog {

    private static final String INSERT = """
            INSERT INTO website_sync_log (mentor_id, action, outcome, success, error_detail, attempt, event_id,
                                          event_version, source, actor, duration_ms, failure)
            SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::boolean[], $5::text[], $6::int[],
                                 $7::uuid[], $8::bigint[], $9::varchar[], $10::varchar[], $11::bigint[],
                                 $12::varchar[])""";

    private final Pool pool;

    public SyncLog(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> write(List<SyncLogEntry> entries) {
        return write(pool, entries);
    }

    /** Through {@code client}: inside the transaction of the effect it logs. */
    public Uni<Void> write(SqlClient client, List<SyncLogEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        UUID[] mentors = new UUID[n];
        String[] actions = new String[n];
        String[] outcomes = new String[n];
        Boolean[] success = new Boolean[n];
        String[] errors = new String[n];
        Integer[] attempts = new Integer[n];
        UUID[] eventIds = new UUID[n];
        Long[] versions = new Long[n];
        String[] sources = new String[n];
        String[] actors = new String[n];
        Long[] durations = new Long[n];
        String[] failures = new String[n];
        for (int i = 0; i < n; i++) {
            SyncLogEntry e = entries.get(i);
            mentors[i] = e.mentorId();
            actions[i] = e.action().name();
            outcomes[i] = e.outcome().name();
            success[i] = e.success();
            errors[i] = e.errorDetail();
            attempts[i] = e.attempt();
            eventIds[i] = e.eventId();
            versions[i] = e.eventVersion();
            sources[i] = e.source();
            actors[i] = e.actor();
            durations[i] = e.durationMs();
            failures[i] = e.failure();
        }
        Tuple args = Tuple.tuple().addArrayOfUUID(mentors).addArrayOfString(actions).addArrayOfString(outcomes)
                .addArrayOfBoolean(success).addArrayOfString(errors).addArrayOfInteger(attempts)
                .addArrayOfUUID(eventIds).addArrayOfLong(versions).addArrayOfString(sources)
                .addArrayOfString(actors).addArrayOfLong(durations).addArrayOfString(failures);
        return client.preparedQuery(INSERT).execute(args).replaceWithVoid();
    }

    /** The mentor's log, newest first. */
    public Uni<List<SyncLogEntry>> forMentor(UUID mentorId, int limit) {
        return pool.preparedQuery("SELECT * FROM website_sync_log WHERE mentor_id = $1 ORDER BY id DESC LIMIT $2")
                .execute(Tuple.of(mentorId, limit)).map(rows -> {
                    List<SyncLogEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new SyncLogEntry(row.getLong("id"), row.getUUID("mentor_id"),
                                SyncLogEntry.Action.valueOf(row.getString("action")),
                                SyncLogEntry.Outcome.valueOf(row.getString("outcome")), row.getBoolean("success"),
                                row.getString("error_detail"), row.getInteger("attempt"), row.getUUID("event_id"),
                                row.getLong("event_version"), row.getString("source"), row.getString("actor"),
                                row.getLong("duration_ms"), row.getOffsetDateTime("created_at").toInstant(),
                                row.getString("failure")));
                    }
                    return entries;
                });
    }
}
