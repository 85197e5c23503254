package org.hlf.mentor.pause.inbox;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.QueryTimeoutException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.hibernate.JDBCException;
import org.hlf.mentor.pause.status.MentorNotFound;
import org.hlf.mentor.pause.status.StatusService;

/**
 * Tells a failure that will recur from one that may pass. Only the first kind is dead-lettered: a record whose
 * failure may pass (the database restarted or failed over, ran out of connections, a lock or serialization conflict,
 * a lost race with a coordinator) is retried, and if that does not help, the channel stops rather than parking an
 * event nobody replays. A failure we cannot place is retried too: we give a record up only when we know why.
 */
public final class FailureClassifier {

    public enum Kind {
        /** Will fail the same way every time: dead-letter it. */
        PERMANENT,
        /** Known to pass: retry it. */
        TRANSIENT,
        /** Not known either way: retry it, as that loses nothing. */
        UNKNOWN
    }

    /**
     * SQLSTATEs of a database that is going away or overloaded, or of a conflict that a new attempt resolves:
     * admin/crash shutdown, cannot connect now, too many connections, serialization failure, deadlock, lock not
     * available, statement cancelled (timeout). Class 08 (connection exception) as a whole is transient as well.
     */
    private static final Set<String> TRANSIENT_STATES =
            Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03", "57014");
    /** Class 22, data exception: the event's data does not fit, and will not next time. */
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final int MAX_DEPTH = 32;

    private FailureClassifier() {
    }

    /**
     * Looks at the failure, its causes and the parts of a composite (a failed transaction whose rollback failed too
     * is one), first the outermost; the first one that is known decides.
     */
    public static Kind classify(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        int seen = 0;
        while (!pending.isEmpty() && seen++ < MAX_DEPTH) {
            Throwable t = pending.poll();
            Kind kind = own(t);
            if (kind != Kind.UNKNOWN) {
                return kind;
            }
            if (t instanceof CompositeException composite) {
                pending.addAll(composite.getCauses());
            } else if (t.getCause() != null && t.getCause() != t) {
                pending.add(t.getCause());
            }
        }
        return Kind.UNKNOWN;
    }

    public static boolean permanent(Throwable failure) {
        return classify(failure) == Kind.PERMANENT;
    }

    /** Worth another attempt: everything not known to be permanent. */
    public static boolean retryable(Throwable failure) {
        return classify(failure) != Kind.PERMANENT;
    }

    /** Why a permanent failure happened, as the dead letter's {@code dead-letter-reason} and the replay report say. */
    public static String reason(Throwable failure, UUID mentorId) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MentorNotFound) {
                return "unknown mentor " + mentorId;
            }
            if (t instanceof InvalidEvent invalid) {
                return invalid.getMessage();
            }
        }
        return "could not apply: " + failure.getMessage();
    }

    private static Kind own(Throwable t) {
        if (t instanceof InvalidEvent || t instanceof MentorNotFound) {
            return Kind.PERMANENT;
        }
        if (t instanceof PgException pg) {
            return bySqlState(pg.getSqlState());
        }
        if (t instanceof JDBCException jdbc) {
            return bySqlState(jdbc.getSQLState());
        }
        if (t instanceof SQLException sql) {
            return bySqlState(sql.getSQLState());
        }
        if (StatusService.lostRace(t) || t instanceof ClosedConnectionException || t instanceof SocketException
                || t instanceof SocketTimeoutException || t instanceof ClosedChannelException
                || t instanceof TimeoutException || t instanceof QueryTimeoutException) {
            return Kind.TRANSIENT;
        }
        if ((t instanceof VertxException || t instanceof NoStackTraceThrowable) && connectionGone(t.getMessage())) {
            return Kind.TRANSIENT;
        }
        return Kind.UNKNOWN;
    }

    private static Kind bySqlState(String state) {
        if (state == null) {
            return Kind.UNKNOWN;
        }
        if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
            return Kind.TRANSIENT;
        }
        return state.startsWith(DATA_EXCEPTION_CLASS) ? Kind.PERMANENT : Kind.UNKNOWN;
    }

    /** Vert.x says so only in words: "Connection is closed", "... current status: CLOSED", "Timeout". */
    private static boolean connectionGone(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("closed") || text.contains("timeout") || text.contains("timed out");
    }
}
