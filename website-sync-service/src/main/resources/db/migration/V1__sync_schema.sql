-- What the website should show for each mentor, what the portal last confirmed, and the newest applied event.
CREATE TABLE sync_state (
    mentor_id            uuid PRIMARY KEY,
    chapter_id           varchar(64) NOT NULL,
    last_status          varchar(16) NOT NULL,
    desired_visible      boolean     NOT NULL,
    portal_visible       boolean,
    last_event_version   bigint      NOT NULL,
    last_event_id        uuid        NOT NULL,
    state                varchar(16) NOT NULL CHECK (state IN ('IN_SYNC', 'PENDING', 'FAILED')),
    consecutive_failures integer     NOT NULL DEFAULT 0,
    last_error           text,
    last_attempt_at      timestamptz,
    last_success_at      timestamptz,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX sync_state_state ON sync_state (state) WHERE state <> 'IN_SYNC';
