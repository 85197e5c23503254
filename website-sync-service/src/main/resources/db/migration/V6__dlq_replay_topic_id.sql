-- A dead letter's place is (topic incarnation, partition, offset): a recreated topic starts its offsets at 0 again,
-- and its letters must not be taken for letters replayed before. Rows of unknown incarnation never match again.
ALTER TABLE dlq_replay ADD COLUMN topic_id varchar(40) NOT NULL DEFAULT 'unknown';
ALTER TABLE dlq_replay DROP CONSTRAINT dlq_replay_pkey;
ALTER TABLE dlq_replay ADD PRIMARY KEY (topic_id, dlq_partition, dlq_offset);
ALTER TABLE dlq_replay ALTER COLUMN topic_id DROP DEFAULT;
