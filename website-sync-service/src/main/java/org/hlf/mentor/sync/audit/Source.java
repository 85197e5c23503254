package org.hlf.mentor.sync.audit;

/** What started a sync operation; kept in the audit log. */
public enum Source {
    EVENT,
    REPLAY,
    API,
    RECONCILE
}
