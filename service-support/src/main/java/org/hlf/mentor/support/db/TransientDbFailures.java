package org.hlf.mentor.support.db;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.TransactionRollbackException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of a poll are worth doing the poll again for: the database went away or was busy (failover,
 * restart, a connection refused or reset, too many connections, a deadlock or serialization failure). Anything else (a missing database or table,
 * a bug) is something another attempt cannot mend: it stops the channel, which the liveness check reports.
 */
public final class TransientDbFailures {

    /** Operator intervention (57P0x), too many connections, retryable conflicts; class 08 is checked apart. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    /**
     * Hibernate Reactive closing a connection the server dropped in the middle of a transaction: the notice that it
     * rolls back, gathered with the lost connection itself; nothing was written.
     */
    private static final String ROLLBACK_ON_CLOSE = "HR000090";

    private TransientDbFailures() {
    }

    public static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CompositeException gathered) {
                // statements failing together (a batch when the server restarts): worth another poll only if each is
                return gathered.getCauses().stream().allMatch(TransientDbFailures::transientFailure);
            }
            if (t instanceof DatabaseException db) {
                // the server said why: its SQLSTATE decides, whatever wraps it
                String state = db.getSqlState();
                return state != null && (state.startsWith("08") || STATES.contains(state));
            }
            // IOException: the connection itself failed (refused, reset by a restarting server), not the statement
            if (t instanceof ClosedConnectionException || t instanceof TransactionRollbackException
                    || t instanceof IOException || t instanceof TimeoutException
                    || t instanceof NoStackTraceThrowable) {
                return true;
            }
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith(ROLLBACK_ON_CLOSE)) {
                return true;
            }
        }
        return false;
    }
}
