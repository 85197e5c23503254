package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlf.mentor.sync.consumer.SyncScenarios.chapter;
import static org.hlf.mentor.sync.consumer.SyncScenarios.event;
import static org.hlf.mentor.sync.consumer.SyncScenarios.seeded;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.SandboxResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer against the real broker and database, the portal as the Dataverse sandbox (a real process): failures
 * another attempt can fix are retried until the write succeeds (server errors, throttling, timeouts, reset
 * connections, a revoked token). Retry delays are shortened in %test (4 attempts, 10 ms base, 2 s per attempt).
 * Every fault is aimed at the test's own mentor, and every mentor lives in a chapter of its own test.
 */
@QuarkusTest
class SyncRetryTest {

    @Inject
    Pool pool;

    @AfterEach
    void clearFaults() {
        SyncScenarios.clearPortalFaults();
    }

    @Test
    void twoServiceUnavailableThenSuccessMakesThreeCallsAndOneSuccess() {
        UUID mentor = seeded(true);
        Portal.admin().addFault("{\"status\":503,\"count\":2,\"mentorId\":\"" + mentor + "\"}");
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        awaitState(mentor, "IN_SYNC");
        assertThat(Portal.writes(mentor)).extracting(SandboxRequest::status).containsExactly(503, 503, 204);
        assertThat(Portal.visible(mentor)).isFalse();
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getInteger("attempts")).isEqualTo(3);
        assertThat(SyncDb.log(pool, mentor)).singleElement().satisfies(row -> {
            assertThat(row.getString("outcome")).isEqualTo("APPLIED");
            assertThat(row.getInteger("attempt")).isEqualTo(3);
        });
        assertThat(Events.reader().read(Topics.WEBSITE_SYNC_DLQ, mentor.toString())).isEmpty();
    }

    @Test
    void tooManyRequestsWithRetryAfterWaitsAtLeastThatLong() {
        UUID mentor = seeded(true);
        Portal.admin().addFault("{\"status\":429,\"retryAfterSeconds\":2,\"count\":1,\"mentorId\":\"" + mentor + "\"}");
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 2));

        awaitState(mentor, "IN_SYNC");
        List<SandboxRequest> calls = Portal.writes(mentor);
        assertThat(calls).extracting(SandboxRequest::status).containsExactly(429, 204);
        long gap = Duration.between(calls.get(0).time(), calls.get(1).time()).toMillis();
        assertThat(gap).isGreaterThanOrEqualTo(2000);
    }

    /**
     * The first call gets no answer within the per-attempt timeout (read from the configuration under test) and is
     * abandoned; the second goes through. The sandbox logs a call when it answers it: the retry first, the abandoned
     * call once its delay is over (it then runs against the store all the same, writing the same value).
     */
    @Test
    void aCallThatTimesOutIsRetried() {
        UUID mentor = seeded(true);
        long timeoutMs = attemptTimeoutMs();
        Portal.admin().addFault("{\"latencyMs\":" + (timeoutMs + 1000) + ",\"count\":1,\"mentorId\":\"" + mentor + "\"}");
        Instant sent = Instant.now();
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        Row state = awaitState(mentor, "IN_SYNC");
        assertThat(state.getInteger("attempts")).isEqualTo(2);
        assertThat(SyncDb.log(pool, mentor)).singleElement()
                .satisfies(row -> assertThat(row.getInteger("attempt")).isEqualTo(2));
        await().atMost(SyncDb.WAIT).until(() -> Portal.writeCount(mentor) >= 2);
        List<SandboxRequest> calls = Portal.writes(mentor);
        assertThat(calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.status()).isEqualTo(204);
            assertThat(call.visibility()).isFalse();
        });
        assertThat(calls.get(0).time()).as("the retry, after the timeout").isAfterOrEqualTo(sent.plusMillis(timeoutMs));
        assertThat(Portal.visible(mentor)).isFalse();
    }

    @Test
    void aResetConnectionIsRetried() {
        UUID mentor = seeded(true);
        Portal.admin().addFault("{\"resetConnection\":true,\"count\":1,\"mentorId\":\"" + mentor + "\"}");
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        awaitState(mentor, "IN_SYNC");
        // status 0: the sandbox closed the connection without an answer
        assertThat(Portal.writes(mentor)).extracting(SandboxRequest::status).containsExactly(0, 204);
        assertThat(Portal.visible(mentor)).isFalse();
    }

    /**
     * The portal refuses a token it issued (revoked): one new token, the call again, success. The sandbox's log shows
     * the refused call with no client (the token names none any more) and then the accepted one.
     */
    @Test
    void unauthorizedRefreshesTheTokenOnceAndSucceeds() {
        String chapter = chapter();
        // the service holds a token the portal accepts before it is revoked
        UUID earlier = UUID.randomUUID();
        Portal.seed(chapter, true, earlier);
        Events.send(Events.event(earlier, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        awaitState(earlier, "IN_SYNC");
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        long since = lastSeq();

        Portal.admin().revokeTokens();
        Events.send(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        awaitState(mentor, "IN_SYNC");
        List<SandboxRequest> calls = Portal.writes(mentor);
        assertThat(calls).extracting(SandboxRequest::status).containsExactly(401, 204);
        assertThat(calls.get(0).clientId()).isNull();
        assertThat(calls.get(1).clientId()).isEqualTo(SandboxResource.CLIENT_ID);
        List<SandboxRequest> tokens = tokenRequests(since);
        assertThat(tokens).singleElement().satisfies(token -> {
            assertThat(token.status()).isEqualTo(200);
            assertThat(token.seq()).isBetween(calls.get(0).seq(), calls.get(1).seq());
        });
        assertThat(Portal.visible(mentor)).isFalse();
    }

    private Row awaitState(UUID mentor, String state) {
        return SyncDb.awaitState(pool, mentor, state);
    }

    /** The portal client's timeout per attempt, as the application under test has it. */
    private static long attemptTimeoutMs() {
        return ConfigProvider.getConfig().getOptionalValue(
                "quarkus.fault-tolerance.\"org.hlf.mentor.sync.portal.PortalClient\".timeout.value", Long.class)
                .orElse(10_000L);
    }

    private static long lastSeq() {
        return Portal.admin().requests().stream().mapToLong(SandboxRequest::seq).max().orElse(0);
    }

    private static List<SandboxRequest> tokenRequests(long afterSeq) {
        return Portal.admin().requests().stream()
                .filter(r -> r.seq() > afterSeq && r.path().endsWith("/oauth2/v2.0/token")).toList();
    }
}
