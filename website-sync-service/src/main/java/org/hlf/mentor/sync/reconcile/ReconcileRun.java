package org.hlf.mentor.sync.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One reconciliation run as ops see it: state, where it is ({@code phase}: reading the PORTAL, comparing with the
 * ROSTER, DONE), and the counts so far.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReconcileRun(UUID runId, String chapterId, String state, String trigger, String startedBy,
        Instant startedAt, Instant finishedAt, String phase, int portalContacts, int portalRequests, int checked,
        int inSync, int drifted, int repaired, int missingInPortal, int unknownToPauseService, int failed,
        String error) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    static final String PHASE_PORTAL = "PORTAL";
    static final String PHASE_ROSTER = "ROSTER";

    static ReconcileRun of(Row row) {
        return new ReconcileRun(row.getUUID("id"), row.getString("chapter_id"), row.getString("state"),
                row.getString("trigger"), row.getString("started_by"), instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("finished_at")), row.getString("phase"), row.getInteger("portal_contacts"),
                row.getInteger("portal_requests"), row.getInteger("checked"), row.getInteger("in_sync"),
                row.getInteger("drifted"), row.getInteger("repaired"), row.getInteger("missing_in_portal"),
                row.getInteger("unknown_to_pause_service"), row.getInteger("failed"), row.getString("error"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
