-- What a replay did with each dead letter (its place on website-sync-dlq): REPLAYED and SKIPPED_STALE are settled
-- and never replayed again; FAILED may be replayed again later, and is never dead-lettered a second time.
CREATE TABLE dlq_replay (
    dlq_partition integer     NOT NULL,
    dlq_offset    bigint      NOT NULL,
    mentor_id     uuid,
    outcome       varchar(16) NOT NULL CHECK (outcome IN ('REPLAYED', 'SKIPPED_STALE', 'FAILED')),
    detail        text,
    replays       integer     NOT NULL DEFAULT 1,
    replayed_at   timestamptz NOT NULL,
    PRIMARY KEY (dlq_partition, dlq_offset)
);
