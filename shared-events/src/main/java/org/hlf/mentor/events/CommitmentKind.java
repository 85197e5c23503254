package org.hlf.mentor.events;

/** What a mentor has promised: a client assignment, a scheduled session, a reimbursement waiting to be paid. */
public enum CommitmentKind {
    ASSIGNMENT,
    SESSION,
    REIMBURSEMENT
}
