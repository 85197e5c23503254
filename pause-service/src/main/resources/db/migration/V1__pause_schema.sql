-- Roster and status of every peer mentor. version grows by one per transition (optimistic locking).
CREATE TABLE peer_mentor (
    id                        uuid PRIMARY KEY,
    chapter_id                varchar(64) NOT NULL,
    status                    varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'EXPIRED_CERT')),
    certification_valid_until date,
    version                   bigint      NOT NULL,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);
CREATE INDEX peer_mentor_chapter_status ON peer_mentor (chapter_id, status, id);
-- the expiry sweep only looks at mentors that can still expire
CREATE INDEX peer_mentor_certification_due ON peer_mentor (certification_valid_until) WHERE status <> 'EXPIRED_CERT';

-- One row per pause; at most one open (ended_at IS NULL) per mentor.
CREATE TABLE pause_period (
    id                   bigserial PRIMARY KEY,
    mentor_id            uuid         NOT NULL REFERENCES peer_mentor (id),
    start_date           date         NOT NULL,
    expected_return_date date,
    reason               varchar(500) NOT NULL,
    initiated_by         varchar(200) NOT NULL,
    initiated_role       varchar(16)  NOT NULL,
    started_at           timestamptz  NOT NULL,
    ended_at             timestamptz,
    ended_by             varchar(200),
    end_note             varchar(500),
    reminder_sent_at     timestamptz
);
CREATE UNIQUE INDEX pause_period_one_open ON pause_period (mentor_id) WHERE ended_at IS NULL;
CREATE INDEX pause_period_mentor ON pause_period (mentor_id, started_at DESC);
CREATE INDEX pause_period_reminder_due ON pause_period (expected_return_date) WHERE ended_at IS NULL AND reminder_sent_at IS NULL;

-- Audit trail: one row per accepted transition (and per lift that only closes a pause).
CREATE TABLE status_audit (
    id          bigserial PRIMARY KEY,
    mentor_id   uuid         NOT NULL REFERENCES peer_mentor (id),
    action      varchar(32)  NOT NULL,
    from_status varchar(16),
    to_status   varchar(16)  NOT NULL,
    version     bigint       NOT NULL,
    actor_id    varchar(200) NOT NULL,
    actor_role  varchar(16)  NOT NULL,
    reason      varchar(500),
    request_id  varchar(100),
    occurred_at timestamptz  NOT NULL
);
CREATE INDEX status_audit_mentor ON status_audit (mentor_id, id DESC);

-- Transactional outbox: written in the transaction of the change, published by the relay.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    aggregate_id uuid         NOT NULL,
    topic        varchar(249) NOT NULL,
    event_type   varchar(200) NOT NULL,
    event_id     uuid         NOT NULL UNIQUE,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_unpublished_aggregate ON outbox (aggregate_id, id) WHERE published_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;

-- NOTIFY is delivered on commit, so relays wake exactly when new rows become visible.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Idempotency-Key: the first answer, replayed for a repeat by the same caller.
CREATE TABLE idempotency_key (
    actor_id      varchar(200) NOT NULL,
    idem_key      varchar(200) NOT NULL,
    request_hash  varchar(64)  NOT NULL,
    response_code integer      NOT NULL,
    response_body text,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (actor_id, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
