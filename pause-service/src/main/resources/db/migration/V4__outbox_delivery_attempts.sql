-- Delivery bookkeeping of the outbox relay. A row the broker does not acknowledge (a missing or forbidden topic, a
-- record it refuses, no ack before the round's deadline) is not retried in every round: it counts its attempts,
-- keeps the last error and waits until next_attempt_at (exponential backoff), while the rows behind it on other
-- topics go out. first_failed_at dates the failure for the health check (how long a row has been failing).
-- Constant defaults: adding the columns rewrites nothing.
ALTER TABLE outbox
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN last_error      text,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN first_failed_at timestamptz;

-- The failing rows: few (normally none); read by every claim (which topics are failing), the gauge and the health
-- check (the one failing longest).
CREATE INDEX outbox_failing ON outbox (first_failed_at, id) WHERE published_at IS NULL AND attempts > 0;
