package org.hlf.mentor.sync.consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A poll that loses its database connection (a failover) is done again, and the channel keeps consuming. The
 * connection is cut while the write's transaction is open: its portal call waits at the sandbox's gate.
 */
@QuarkusTest
class ConsumerRecoveryTest {

    @Inject
    Pool pool;

    @AfterEach
    void openTheGate() {
        Portal.admin().clearFaults();
        Portal.admin().release();
    }

    @Test
    void aPollThatLosesItsDatabaseConnectionIsDoneAgainAndTheChannelKeepsConsuming() {
        String chapter = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        UUID mentor = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        Portal.seed(chapter, true, mentor, next);
        Portal.admin().addFault("{\"hold\":true,\"count\":1,\"method\":\"PATCH\",\"mentorId\":\"" + mentor + "\"}");
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        await().atMost(SyncDb.WAIT).until(() -> Portal.admin().held() == 1);

        // the write's transaction holds the mentor's advisory lock: end its backend, as a failover would
        long ended = pool.query("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                 WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database
                                                              WHERE datname = current_database())""")
                .execute().await().atMost(SyncDb.WAIT).iterator().next().getLong(0);
        assertThat(ended).isEqualTo(1);
        Portal.admin().release();

        SyncDb.awaitState(pool, mentor, row -> "IN_SYNC".equals(row.getString("state")));
        assertThat(Portal.written(mentor)).containsExactly(false, false);
        assertThat(SyncDb.outcomes(pool, mentor)).containsExactly("APPLIED");
        Events.send(Events.event(next, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        SyncDb.awaitState(pool, next, "IN_SYNC");
        assertThat(Portal.visible(next)).isFalse();
        given().get("/q/health/live").then().statusCode(200);
    }
}
