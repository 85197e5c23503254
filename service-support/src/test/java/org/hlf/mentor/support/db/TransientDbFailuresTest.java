package org.hlf.mentor.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which database failures make a poll worth doing again. */
class TransientDbFailuresTest {

    @Test
    void aLostConnectionOrAServerGoingDownIsTransient() {
        assertThat(TransientDbFailures.transientFailure(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(TransientDbFailures.transientFailure(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientDbFailures.transientFailure(pg("57P01"))).isTrue();
        assertThat(TransientDbFailures.transientFailure(pg("08006"))).isTrue();
        assertThat(TransientDbFailures.transientFailure(pg("53300"))).isTrue();
        assertThat(TransientDbFailures.transientFailure(pg("40P01"))).isTrue();
    }

    /**
     * What a PostgreSQL restart with {@code -m immediate} looks like to a batch of statements in flight (seen in the
     * resilience suite, scenario s4): one reset connection per statement, gathered by Mutiny.
     */
    @Test
    void connectionsResetByTheServerAreTransientEvenGathered() {
        IOException reset = new IOException("Connection reset by peer");
        assertThat(TransientDbFailures.transientFailure(reset)).isTrue();
        assertThat(TransientDbFailures.transientFailure(new SocketException("Connection reset"))).isTrue();
        assertThat(TransientDbFailures.transientFailure(new CompositeException(reset, new IOException("reset"),
                ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(TransientDbFailures.transientFailure(new CompositeException(reset, pg("42P01")))).isFalse();
    }

    /** Seen in the resilience suite's s4: a transition whose connection died, gathered with its rollback notice. */
    @Test
    void aConnectionLostMidTransactionIsTransientWithItsRollbackNotice() {
        IllegalStateException rollback = new IllegalStateException(
                "HR000090: Live transaction detected while closing the connection: it will be roll backed");

        assertThat(TransientDbFailures.transientFailure(new CompositeException(ClosedConnectionException.INSTANCE,
                rollback))).isTrue();
        assertThat(TransientDbFailures.transientFailure(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theServersAnswerDecidesEvenWhenWrapped() {
        assertThat(TransientDbFailures.transientFailure(new CompletionException(pg("57P03")))).isTrue();
        assertThat(TransientDbFailures.transientFailure(new CompletionException(pg("3D000")))).isFalse();
    }

    @Test
    void aMissingDatabaseOrTableOrABugIsNot() {
        assertThat(TransientDbFailures.transientFailure(pg("3D000"))).isFalse();
        assertThat(TransientDbFailures.transientFailure(pg("42P01"))).isFalse();
        assertThat(TransientDbFailures.transientFailure(new IllegalStateException("bug"))).isFalse();
    }

    private static PgException pg(String state) {
        return new PgException("test", "ERROR", state, "detail");
    }
}
