package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.sync.dlq.DeadLetterHeaders;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.SandboxResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer against the real broker and database, the portal as the Dataverse sandbox (a real process): visibility
 * rule, retries, dead letters, token refresh, duplicates, stale and poison records, redelivery after a crash. Retry
 * delays are shortened in %test (4 attempts, 10 ms base, 2 s per attempt). Every fault is aimed at the test's own
 * mentor, and every mentor lives in a chapter of its own test.
 */
@QuarkusTest
class SyncBehaviourTest {

    private static final Duration WAIT = SyncDb.WAIT;

    @Inject
    Pool pool;

    @Inject
    KafkaClientService kafka;

    @AfterEach
    void clearFaults() {
        Portal.admin().clearFaults();
        Portal.admin().release();
    }

    @Test
    void hidesOnPausedAndExpiredCertAndRestoresOnActive() {
        String chapter = chapter();
        UUID paused = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        Portal.seed(chapter, true, paused, expired);
        Portal.seed(chapter, false, active);
        Events.send(Events.event(paused, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2),
                Events.event(expired, chapter, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 2),
                Events.event(active, chapter, MentorStatus.PAUSED, MentorStatus.ACTIVE, 3));

        awaitState(paused, "IN_SYNC");
        awaitState(expired, "IN_SYNC");
        awaitState(active, "IN_SYNC");

        assertSingleWrite(paused, false);
        assertSingleWrite(expired, false);
        assertSingleWrite(active, true);
        Row restored = SyncDb.state(pool, active).orElseThrow();
        assertThat(restored.getBoolean("portal_visible")).isTrue();
        assertThat(restored.getLong("last_event_version")).isEqualTo(3L);
        assertThat(SyncDb.log(pool, paused)).singleElement().satisfies(row -> {
            assertThat(row.getString("action")).isEqualTo("HIDE");
            assertThat(row.getString("outcome")).isEqualTo("APPLIED");
            assertThat(row.getBoolean("success")).isTrue();
            assertThat(row.getInteger("attempt")).isEqualTo(1);
            assertThat(row.getLong("event_version")).isEqualTo(2L);
        });
        assertThat(SyncDb.log(pool, active)).singleElement()
                .satisfies(row -> assertThat(row.getString("action")).isEqualTo("RESTORE"));
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
    void permanentServerErrorIsDeadLetteredWithHeadersAfterTheConfiguredAttempts() {
        UUID mentor = seeded(true);
        Portal.admin().addFault("{\"status\":500,\"mentorId\":\"" + mentor + "\"}");
        MentorStatusChanged event = event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2);
        Instant sent = Instant.now();
        Events.send(event);

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        ConsumerRecord<String, String> original = Events.reader().read(Topics.MENTOR_STATUS_CHANGED, mentor.toString()).get(0);
        assertThat(letter.key()).isEqualTo(mentor.toString());
        assertThat(letter.value()).isEqualTo(original.value());
        Map<String, String> headers = headers(letter);
        assertThat(headers).containsEntry(DeadLetterHeaders.REASON, "exhausted")
                .containsEntry(DeadLetterHeaders.SOURCE_TOPIC, Topics.MENTOR_STATUS_CHANGED)
                .containsEntry(DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(original.partition()))
                .containsEntry(DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(original.offset()))
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "4")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "500")
                .containsEntry(DeadLetterHeaders.EXCEPTION_CLASS, "org.hlf.mentor.sync.portal.PortalUnavailable");
        // 0x80040216: Dataverse's "unexpected error", the code the sandbox answers an injected 500 with
        assertThat(headers.get(DeadLetterHeaders.CAUSE)).contains("HTTP 500").contains("0x80040216");
        assertThat(Instant.parse(headers.get(DeadLetterHeaders.FIRST_FAILURE))).isAfter(sent.minusSeconds(1));
        assertThat(Portal.writes(mentor)).hasSize(4).allSatisfy(call -> assertThat(call.status()).isEqualTo(500));
        assertThat(Portal.visible(mentor)).isTrue();
        Row state = awaitState(mentor, "FAILED");
        assertThat(state.getString("last_error")).contains("HTTP 500");
        assertThat(state.getInteger("consecutive_failures")).isEqualTo(1);
        assertThat(SyncDb.log(pool, mentor)).singleElement().satisfies(row -> {
            assertThat(row.getString("outcome")).isEqualTo("DEAD_LETTERED");
            assertThat(row.getBoolean("success")).isFalse();
            assertThat(row.getInteger("attempt")).isEqualTo(4);
            assertThat(row.getString("error_detail")).contains("0x80040216");
        });
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
        await().atMost(WAIT).until(() -> Portal.writeCount(mentor) >= 2);
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

    /** The contact does not exist: the update-only PATCH is answered 404 and creates nothing. */
    @Test
    void notFoundGoesToTheDeadLetterTopicAtOnce() {
        UUID mentor = UUID.randomUUID();
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "1").containsEntry(DeadLetterHeaders.HTTP_STATUS, "404")
                .containsEntry(DeadLetterHeaders.EXCEPTION_CLASS, "org.hlf.mentor.sync.portal.PortalRejected");
        assertThat(headers(letter).get(DeadLetterHeaders.CAUSE)).contains("0x80040217");
        assertThat(Portal.writes(mentor)).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(404);
            assertThat(call.visibility()).isNull();
        });
        assertThat(Portal.visible(mentor)).as("If-Match: * never creates a contact").isNull();
    }

    @Test
    void badRequestGoesToTheDeadLetterTopicAtOnce() {
        UUID mentor = seeded(false);
        Portal.admin().addFault("{\"status\":400,\"mentorId\":\"" + mentor + "\"}");
        Events.send(event(mentor, MentorStatus.PAUSED, MentorStatus.ACTIVE, 4));

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "400").containsEntry(DeadLetterHeaders.ATTEMPTS, "1");
        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
        assertThat(Portal.visible(mentor)).isFalse();
        // the sandbox's injected failures carry Dataverse's generic error code
        assertThat(awaitState(mentor, "FAILED").getString("last_error")).contains("HTTP 400").contains("0x80040216");
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

    @Test
    void unauthorizedAgainAfterTheRefreshIsFinal() {
        UUID mentor = seeded(true);
        Portal.admin().addFault("{\"status\":401,\"mentorId\":\"" + mentor + "\"}");
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.HTTP_STATUS, "401")
                .containsEntry(DeadLetterHeaders.REASON, "rejected");
        assertThat(Portal.writes(mentor)).extracting(SandboxRequest::status).containsExactly(401, 401);
        assertThat(Portal.visible(mentor)).isTrue();
    }

    @Test
    void aDuplicateEventHasOneEffect() {
        UUID mentor = seeded(true);
        MentorStatusChanged event = event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2);
        Events.send(event);
        awaitState(mentor, "IN_SYNC");
        Events.send(event);

        await().atMost(WAIT).until(() -> SyncDb.outcomes(pool, mentor), o -> o.contains("SKIPPED_STALE"));
        assertThat(SyncDb.outcomes(pool, mentor)).containsExactly("APPLIED", "SKIPPED_STALE");
        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
    }

    @Test
    void anOlderVersionArrivingLateIsSkipped() {
        UUID mentor = seeded(true);
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.send(event(mentor, MentorStatus.EXPIRED_CERT, MentorStatus.ACTIVE, 1));

        await().atMost(WAIT).until(() -> SyncDb.log(pool, mentor).size() == 2);
        List<Row> log = SyncDb.log(pool, mentor);
        assertThat(log.get(0).getString("outcome")).isEqualTo("APPLIED");
        assertThat(log.get(1).getString("outcome")).isIn("SKIPPED_STALE", "SUPERSEDED");
        assertThat(log.get(1).getLong("event_version")).isEqualTo(1L);
        assertSingleWrite(mentor, false);
        Row state = SyncDb.state(pool, mentor).orElseThrow();
        assertThat(state.getLong("last_event_version")).isEqualTo(2L);
        assertThat(state.getBoolean("desired_visible")).isFalse();
    }

    /**
     * The poison record and the event behind it arrive in one poll (the consumer is paused while both are sent): the
     * poison record is dead-lettered and the poll's other record is still applied.
     */
    @Test
    void aPoisonRecordIsDeadLetteredAndTheFollowingRecordsAreStillApplied() {
        UUID mentor = seeded(true);
        String poison = "{\"eventId\": \"not json";
        var consumer = kafka.getConsumer(Topics.MENTOR_STATUS_CHANGED);
        consumer.pause().await().atMost(WAIT);
        try {
            Events.sendRaw(mentor.toString(), poison);
            Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        } finally {
            consumer.resume().await().atMost(WAIT);
        }

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "poison")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "0");
        awaitState(mentor, "IN_SYNC");
        assertSingleWrite(mentor, false);
        await().atMost(WAIT).until(() -> SyncDb.outcomes(pool, mentor).size() == 2);
        // the write path records its row in its own transaction, the poll's poison row after it: any order
        assertThat(SyncDb.outcomes(pool, mentor)).containsExactlyInAnyOrder("DEAD_LETTERED", "APPLIED");
        assertThat(Events.reader().read(Topics.WEBSITE_SYNC_DLQ, mentor.toString())).hasSize(1);
    }

    /**
     * The consumer stored the event and crashed before the portal answer was recorded and the offset committed:
     * Kafka delivers the record again, and the same event is applied, not skipped as a duplicate.
     */
    @Test
    void aRedeliveryAfterACrashBeforeTheCommitIsAppliedAgainAndTheFinalStateIsRight() {
        String chapter = chapter();
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapter, true, mentor);
        MentorStatusChanged event = Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 3);
        pool.preparedQuery("""
                INSERT INTO sync_state (mentor_id, chapter_id, last_status, desired_visible, portal_visible,
                                        last_event_version, last_event_id, state, updated_at)
                VALUES ($1, $2, 'PAUSED', false, true, 3, $3, 'PENDING', now())""")
                .execute(Tuple.of(mentor, chapter, event.eventId())).await().indefinitely();

        Events.send(event);
        awaitState(mentor, "IN_SYNC");
        assertSingleWrite(mentor, false);

        Events.send(event);
        await().atMost(WAIT).until(() -> SyncDb.outcomes(pool, mentor), o -> o.contains("SKIPPED_STALE"));
        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isFalse();
    }

    private Row awaitState(UUID mentor, String state) {
        return SyncDb.awaitState(pool, mentor, state);
    }

    /** One successful PATCH of the mentor's contact, by the service's OAuth client, and the portal shows it. */
    private static void assertSingleWrite(UUID mentor, boolean visible) {
        assertThat(Portal.writes(mentor)).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("PATCH");
            assertThat(call.path()).endsWith("/api/data/v9.2/contacts(hlf_mentorid='" + mentor + "')");
            assertThat(call.status()).isEqualTo(204);
            assertThat(call.visibility()).isEqualTo(visible);
            assertThat(call.clientId()).isEqualTo(SandboxResource.CLIENT_ID);
        });
        assertThat(Portal.visible(mentor)).isEqualTo(visible);
    }

    /** A mentor with a contact in a chapter of its own. */
    private static UUID seeded(boolean visible) {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapterOf(mentor), visible, mentor);
        return mentor;
    }

    private static MentorStatusChanged event(UUID mentor, MentorStatus from, MentorStatus to, long version) {
        return Events.event(mentor, chapterOf(mentor), from, to, version);
    }

    private static String chapterOf(UUID mentor) {
        return "sync-" + mentor.toString().substring(0, 8);
    }

    private static String chapter() {
        return chapterOf(UUID.randomUUID());
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

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
