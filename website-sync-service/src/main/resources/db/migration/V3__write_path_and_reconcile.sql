-- Reconciliation learns statuses from pause-service's roster, which carries no event id.
ALTER TABLE sync_state ALTER COLUMN last_event_id DROP NOT NULL;
-- Where the last known status came from: EVENT, REPLAY or RECONCILE (pause-service's roster).
ALTER TABLE sync_state ADD COLUMN status_source varchar(16) NOT NULL DEFAULT 'EVENT';

-- One row per reconciliation run; at most one RUNNING across every replica (the partial unique index).
CREATE TABLE reconcile_run (
    id                       uuid        PRIMARY KEY,
    chapter_id               varchar(64),
    state                    varchar(8)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    trigger                  varchar(16) NOT NULL,
    started_by               varchar(200),
    started_at               timestamptz NOT NULL,
    heartbeat_at             timestamptz NOT NULL,
    finished_at              timestamptz,
    phase                    varchar(16) NOT NULL,
    portal_contacts          integer     NOT NULL DEFAULT 0,
    portal_requests          integer     NOT NULL DEFAULT 0,
    checked                  integer     NOT NULL DEFAULT 0,
    in_sync                  integer     NOT NULL DEFAULT 0,
    drifted                  integer     NOT NULL DEFAULT 0,
    repaired                 integer     NOT NULL DEFAULT 0,
    missing_in_portal        integer     NOT NULL DEFAULT 0,
    unknown_to_pause_service integer     NOT NULL DEFAULT 0,
    failed                   integer     NOT NULL DEFAULT 0,
    error                    text
);
CREATE UNIQUE INDEX reconcile_run_one_running ON reconcile_run ((true)) WHERE state = 'RUNNING';
CREATE INDEX reconcile_run_started ON reconcile_run (started_at DESC);
