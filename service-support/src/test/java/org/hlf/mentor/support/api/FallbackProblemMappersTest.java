package org.hlf.mentor.support.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** An unreachable database is the client's "try again", not a server bug. */
class FallbackProblemMappersTest {

    private final FallbackProblemMappers mappers = new FallbackProblemMappers();

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfter() {
        for (Exception down : new Exception[] {ClosedConnectionException.INSTANCE,
            new IllegalStateException("wrapped", new ConnectException("Connection refused"))}) {
            Response answer = mappers.unexpected(down);
            assertThat(answer.getStatus()).isEqualTo(503);
            assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(answer.getMediaType()).hasToString("application/problem+json");
        }
    }

    @Test
    void anythingElseIsA500() {
        assertThat(mappers.unexpected(new IllegalStateException("bug")).getStatus()).isEqualTo(500);
    }
}
