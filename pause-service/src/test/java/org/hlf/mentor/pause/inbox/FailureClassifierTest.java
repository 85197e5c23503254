package org.hlf.mentor.pause.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.pause.inbox.FailureClassifier.Kind.PERMANENT;
import static org.hlf.mentor.pause.inbox.FailureClassifier.Kind.TRANSIENT;
import static org.hlf.mentor.pause.inbox.FailureClassifier.Kind.UNKNOWN;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.hibernate.HibernateException;
import org.hibernate.StaleStateException;
import org.hlf.mentor.pause.certification.InvalidCertificationEvent;
import org.hlf.mentor.pause.status.ConcurrentChange;
import org.hlf.mentor.pause.status.MentorNotFound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is dead-lettered (will recur) and what is retried (may pass). */
class FailureClassifierTest {

    @Test
    void unreadableOrInvalidEventsAndUnknownMentorsArePermanent() {
        assertThat(FailureClassifier.classify(new InvalidCertificationEvent("unreadable", null))).isEqualTo(PERMANENT);
        assertThat(FailureClassifier.classify(new MentorNotFound(UUID.randomUUID()))).isEqualTo(PERMANENT);
        assertThat(FailureClassifier.classify(new HibernateException(pg("22008")))).isEqualTo(PERMANENT);
    }

    @ParameterizedTest(name = "SQLSTATE {0} is transient")
    @ValueSource(strings = {"08000", "08003", "08006", "57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03",
        "57014"})
    void databaseGoingAwayOrConflictingIsTransient(String sqlState) {
        assertThat(FailureClassifier.classify(new HibernateException(pg(sqlState)))).isEqualTo(TRANSIENT);
    }

    @Test
    void lostConnectionsAndTimeoutsAreTransient() {
        assertThat(FailureClassifier.classify(new VertxException("Connection is closed"))).isEqualTo(TRANSIENT);
        assertThat(FailureClassifier.classify(new ConnectException("Connection refused"))).isEqualTo(TRANSIENT);
        assertThat(FailureClassifier.classify(new TimeoutException())).isEqualTo(TRANSIENT);
        // what a terminated backend looked like in the test: the failed statement and the failed rollback
        var terminated = new CompositeException(new HibernateException(new SocketException("Connection reset")),
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"));
        assertThat(FailureClassifier.classify(terminated)).isEqualTo(TRANSIENT);
        var lost = new CompositeException(new HibernateException(ClosedConnectionException.INSTANCE),
                new NoStackTraceThrowable("Failed to read any response from the server"));
        assertThat(FailureClassifier.classify(lost)).isEqualTo(TRANSIENT);
        assertThat(FailureClassifier.classify(new IllegalStateException("Retries exhausted", pg("57P01"))))
                .isEqualTo(TRANSIENT);
    }

    @Test
    void lostRaceIsTransient() {
        assertThat(FailureClassifier.classify(new ConcurrentChange(UUID.randomUUID()))).isEqualTo(TRANSIENT);
        assertThat(FailureClassifier.classify(new HibernateException(new StaleStateException("row was updated"))))
                .isEqualTo(TRANSIENT);
    }

    @Test
    void theOutermostKnownFailureDecides() {
        var unknownMentor = new CompositeException(new MentorNotFound(UUID.randomUUID()),
                new VertxException("Connection is closed"));
        assertThat(FailureClassifier.classify(unknownMentor)).isEqualTo(PERMANENT);
    }

    @Test
    void unplacedFailureIsRetriedNotDeadLettered() {
        assertThat(FailureClassifier.classify(new NullPointerException())).isEqualTo(UNKNOWN);
        assertThat(FailureClassifier.classify(new HibernateException(pg("23505")))).isEqualTo(UNKNOWN);
        assertThat(FailureClassifier.classify(new VertxException("something else"))).isEqualTo(UNKNOWN);
        assertThat(FailureClassifier.retryable(new NullPointerException())).isTrue();
        assertThat(FailureClassifier.permanent(new NullPointerException())).isFalse();
    }

    @Test
    void reasonNamesTheUnknownMentor() {
        UUID mentor = UUID.randomUUID();
        assertThat(FailureClassifier.reason(new MentorNotFound(mentor), mentor)).isEqualTo("unknown mentor " + mentor);
        assertThat(FailureClassifier.reason(new HibernateException(pg("22008")), mentor)).startsWith("could not apply");
    }

    private static PgException pg(String sqlState) {
        return new PgException("database says no", "FATAL", sqlState, null);
    }
}
