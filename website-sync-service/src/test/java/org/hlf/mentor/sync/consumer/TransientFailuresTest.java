package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which database failures make a poll worth doing again. */
class TransientFailuresTest {

    @Test
    void aLostConnectionOrAServerGoingDownIsTransient() {
        assertThat(TransientFailures.transientFailure(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(TransientFailures.transientFailure(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailures.transientFailure(pg("57P01"))).isTrue();
        assertThat(TransientFailures.transientFailure(pg("08006"))).isTrue();
        assertThat(TransientFailures.transientFailure(pg("53300"))).isTrue();
        assertThat(TransientFailures.transientFailure(pg("40P01"))).isTrue();
    }

    @Test
    void theServersAnswerDecidesEvenWhenWrapped() {
        assertThat(TransientFailures.transientFailure(new CompletionException(pg("57P03")))).isTrue();
        assertThat(TransientFailures.transientFailure(new CompletionException(pg("3D000")))).isFalse();
    }

    @Test
    void aMissingDatabaseOrTableOrABugIsNot() {
        assertThat(TransientFailures.transientFailure(pg("3D000"))).isFalse();
        assertThat(TransientFailures.transientFailure(pg("42P01"))).isFalse();
        assertThat(TransientFailures.transientFailure(new IllegalStateException("bug"))).isFalse();
    }

    private static PgException pg(String state) {
        return new PgException("test", "ERROR", state, "detail");
    }
}
