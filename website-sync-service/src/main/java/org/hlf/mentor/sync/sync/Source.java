package org.hlf.mentor.sync.sync;

/** What started a sync operation; kept in the audit log. */
public enum Source {
    EVENT,
    REPLAY,
    API,
    RECONCILE
}
