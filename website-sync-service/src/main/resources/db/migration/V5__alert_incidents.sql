-- Why a portal write failed, for alerting: UNAVAILABLE (429, 5xx, timeouts: may pass) or REJECTED (4xx: will recur).
ALTER TABLE website_sync_log ADD COLUMN failure varchar(16) CHECK (failure IN ('UNAVAILABLE', 'REJECTED'));
-- alerting counts the last minutes of the log
CREATE INDEX website_sync_log_created ON website_sync_log (created_at);

-- One row per alert: its incident state survives restarts, and replicas agree on it (conditional updates).
CREATE TABLE alert_incident (
    alert       varchar(64) PRIMARY KEY,
    state       varchar(8)  NOT NULL CHECK (state IN ('FIRING', 'RESOLVED')),
    started_at  timestamptz,
    resolved_at timestamptz,
    detail      text,
    updated_at  timestamptz NOT NULL
);
