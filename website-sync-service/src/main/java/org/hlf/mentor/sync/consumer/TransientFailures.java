package org.hlf.mentor.sync.consumer;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.TransactionRollbackException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of a poll are worth doing the poll again for: the database went away or was busy (failover,
 * restart, too many connections, a deadlock or serialization failure). Anything else (a missing database or table,
 * a bug) is something another attempt cannot mend: it stops the channel, which the liveness check reports.
 */
public final class TransientFailures {

    /** Operator intervention (57P0x), too many connections, retryable conflicts; class 08 is checked apart. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    private TransientFailures() {
    }

    public static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db) {
                // the server said why: its SQLSTATE decides, whatever wraps it
                String state = db.getSqlState();
                return state != null && (state.startsWith("08") || STATES.contains(state));
            }
            if (t instanceof ClosedConnectionException || t instanceof TransactionRollbackException
                    || t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof NoStackTraceThrowable) {
                return true;
            }
        }
        return false;
    }
}
