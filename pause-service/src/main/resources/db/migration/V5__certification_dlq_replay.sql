-- Dead letters of certification-events-dlq that a replay has dealt with, by their place on that topic, so that
-- "replay all" never applies one twice. The topic id is part of the key: a recreated topic starts its offsets again.
-- Written in the transaction of the letter's effect (REPLAYED, or SKIPPED when its event id was already applied);
-- FAILED only for a letter that can never apply (unreadable, invalid). A letter that failed for a reason that may
-- pass (unknown mentor, the database) is not recorded: the next replay tries it again.
CREATE TABLE certification_dlq_replay (
    topic_id      varchar(32)  NOT NULL,
    dlq_partition integer      NOT NULL,
    dlq_offset    bigint       NOT NULL,
    event_id      uuid,
    outcome       varchar(16)  NOT NULL CHECK (outcome IN ('REPLAYED', 'SKIPPED', 'FAILED')),
    reason        varchar(500),
    replayed_by   varchar(200) NOT NULL,
    replayed_at   timestamptz  NOT NULL,
    PRIMARY KEY (topic_id, dlq_partition, dlq_offset)
);
