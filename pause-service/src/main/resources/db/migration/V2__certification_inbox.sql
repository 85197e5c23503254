-- Idempotent consumer bookkeeping: an event id is recorded in the transaction of its effect, so a redelivered
-- event (at-least-once) finds its id and changes nothing.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    mentor_id    uuid        NOT NULL,
    event_type   varchar(64) NOT NULL,
    processed_at timestamptz NOT NULL
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
