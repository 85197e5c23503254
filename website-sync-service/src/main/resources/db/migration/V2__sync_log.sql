-- One row per sync operation: applied, skipped, failed or dead-lettered (logSyncEvent).
CREATE TABLE website_sync_log (
    id            bigserial   PRIMARY KEY,
    mentor_id     uuid,
    action        varchar(16) NOT NULL CHECK (action IN ('HIDE', 'RESTORE', 'SKIP', 'POISON')),
    outcome       varchar(24) NOT NULL,
    success       boolean     NOT NULL,
    error_detail  text,
    attempt       integer     NOT NULL DEFAULT 0,
    event_id      uuid,
    event_version bigint,
    source        varchar(16) NOT NULL,
    actor         varchar(200),
    duration_ms   bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX website_sync_log_mentor ON website_sync_log (mentor_id, id DESC);

-- How many portal calls the last sync of the mentor took.
ALTER TABLE sync_state ADD COLUMN attempts integer NOT NULL DEFAULT 0;
