-- Each mentor's commitments (assignments, sessions, reimbursements), projected from mentor-commitments: what a
-- pause is judged against. A row is open while closed_at is null. A CommitmentClosed that arrives before its
-- CommitmentOpened leaves a closed row without a kind; the open that follows fills it in and it stays closed.
-- No foreign key to peer_mentor: the features may announce work of a mentor the roster learns of later.
CREATE TABLE mentor_commitment (
    commitment_id uuid PRIMARY KEY,
    mentor_id     uuid        NOT NULL,
    kind          varchar(16) CHECK (kind IN ('ASSIGNMENT', 'SESSION', 'REIMBURSEMENT')),
    starts_at     timestamptz,
    summary       varchar(500),
    opened_at     timestamptz,
    closed_at     timestamptz,
    updated_at    timestamptz NOT NULL,
    CHECK (kind IS NOT NULL OR closed_at IS NOT NULL)
);
CREATE INDEX mentor_commitment_open ON mentor_commitment (mentor_id) WHERE closed_at IS NULL;

-- The blocking commitments a coordinator acknowledged when pausing anyway (JSON array), on the pause's audit row.
ALTER TABLE status_audit ADD COLUMN acknowledged_commitments text;
