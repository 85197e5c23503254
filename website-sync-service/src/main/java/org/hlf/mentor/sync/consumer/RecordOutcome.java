package org.hlf.mentor.sync.consumer;

/** How one record ended in a pass. */
public enum RecordOutcome {
    /** Written, or the portal already showed what it asks for. */
    APPLIED,
    /** Not newer than what was applied (or a newer one came in the same pass). */
    SKIPPED,
    /** The portal write failed. */
    FAILED,
    /** Unreadable. */
    POISON
}
