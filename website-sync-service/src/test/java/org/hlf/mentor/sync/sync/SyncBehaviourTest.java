package org.hlf.mentor.sync.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.PortalMockResource;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.sync.dlq.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

/**
 * The consumer against the real broker and database, the portal as WireMock: visibility rule, retries, dead
 * letters, token refresh, duplicates, stale and poison records, redelivery after a crash. Retry delays are
 * shortened in %test (4 attempts, 10 ms base, 2 s per attempt).
 */
@QuarkusTest
class SyncBehaviourTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void hidesOnPausedAndExpiredCertAndRestoresOnActive() {
        UUID paused = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        Events.send(Events.event(paused, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2),
                Events.event(expired, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 2),
                Events.event(active, MentorStatus.PAUSED, MentorStatus.ACTIVE, 3));

        awaitState(paused, "IN_SYNC");
        awaitState(expired, "IN_SYNC");
        awaitState(active, "IN_SYNC");

        assertSinglePatch(paused, false);
        assertSinglePatch(expired, false);
        assertSinglePatch(active, true);
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
        UUID mentor = UUID.randomUUID();
        script(mentor, aResponse().withStatus(503).withBody(odataError("0x80072326", "busy")),
                aResponse().withStatus(503), aResponse().withStatus(204));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        awaitState(mentor, "IN_SYNC");
        assertThat(Portal.patchCount(mentor)).isEqualTo(3);
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getInteger("attempts")).isEqualTo(3);
        assertThat(SyncDb.log(pool, mentor)).singleElement().satisfies(row -> {
            assertThat(row.getString("outcome")).isEqualTo("APPLIED");
            assertThat(row.getInteger("attempt")).isEqualTo(3);
        });
        assertThat(Events.reader().read(Topics.WEBSITE_SYNC_DLQ, mentor.toString())).isEmpty();
    }

    @Test
    void permanentServerErrorIsDeadLetteredWithHeadersAfterTheConfiguredAttempts() {
        UUID mentor = UUID.randomUUID();
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody(odataError("0x80040216", "An unexpected error occurred."))));
        MentorStatusChanged event = Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2);
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
        assertThat(headers.get(DeadLetterHeaders.CAUSE)).contains("HTTP 500").contains("0x80040216");
        assertThat(Instant.parse(headers.get(DeadLetterHeaders.FIRST_FAILURE))).isAfter(sent.minusSeconds(1));
        assertThat(Portal.patchCount(mentor)).isEqualTo(4);
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
        UUID mentor = UUID.randomUUID();
        script(mentor, aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withBody(odataError("0x80072322", "Number of requests exceeded the limit")), aResponse().withStatus(204));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 2));

        awaitState(mentor, "IN_SYNC");
        List<ServeEvent> calls = Portal.patches(mentor);
        assertThat(calls).hasSize(2);
        long gap = calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aCallThatTimesOutIsRetried() {
        UUID mentor = UUID.randomUUID();
        script(mentor, aResponse().withStatus(204).withFixedDelay(3000), aResponse().withStatus(204));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        awaitState(mentor, "IN_SYNC");
        assertThat(Portal.patchCount(mentor)).isEqualTo(2);
        assertThat(SyncDb.log(pool, mentor)).singleElement()
                .satisfies(row -> assertThat(row.getInteger("attempt")).isEqualTo(2));
    }

    @Test
    void aResetConnectionIsRetried() {
        UUID mentor = UUID.randomUUID();
        script(mentor, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(204));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        awaitState(mentor, "IN_SYNC");
        assertThat(Portal.patchCount(mentor)).isEqualTo(2);
    }

    @Test
    void notFoundGoesToTheDeadLetterTopicAtOnce() {
        UUID mentor = UUID.randomUUID();
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1).willReturn(aResponse()
                .withStatus(404).withBody(odataError("0x80040217", "contact With Ids = " + mentor + " Does Not Exist"))));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "1").containsEntry(DeadLetterHeaders.HTTP_STATUS, "404")
                .containsEntry(DeadLetterHeaders.EXCEPTION_CLASS, "org.hlf.mentor.sync.portal.PortalRejected");
        assertThat(headers(letter).get(DeadLetterHeaders.CAUSE)).contains("0x80040217");
        assertThat(Portal.patchCount(mentor)).isEqualTo(1);
    }

    @Test
    void badRequestGoesToTheDeadLetterTopicAtOnce() {
        UUID mentor = UUID.randomUUID();
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1).willReturn(aResponse()
                .withStatus(400).withBody(odataError("0x80048d19", "Invalid property 'hlf_showonwebsite'"))));
        Events.send(Events.event(mentor, MentorStatus.PAUSED, MentorStatus.ACTIVE, 4));

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "400").containsEntry(DeadLetterHeaders.ATTEMPTS, "1");
        assertThat(Portal.patchCount(mentor)).isEqualTo(1);
        assertThat(awaitState(mentor, "FAILED").getString("last_error")).contains("0x80048d19");
    }

    @Test
    void unauthorizedRefreshesTheTokenOnceAndSucceeds() {
        UUID mentor = UUID.randomUUID();
        int tokensBefore = tokenRequests();
        script(mentor, aResponse().withStatus(401).withBody(odataError("0x80044151", "token expired")),
                aResponse().withStatus(204));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        awaitState(mentor, "IN_SYNC");
        List<ServeEvent> calls = Portal.patches(mentor);
        assertThat(calls).hasSize(2);
        assertThat(tokenRequests()).isEqualTo(tokensBefore + 1);
        assertThat(calls.get(1).getRequest().getHeader("Authorization"))
                .startsWith("Bearer ").isNotEqualTo(calls.get(0).getRequest().getHeader("Authorization"));
    }

    @Test
    void unauthorizedAgainAfterTheRefreshIsFinal() {
        UUID mentor = UUID.randomUUID();
        Portal.mock().register(patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody(odataError("0x80044151", "no access"))));
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.HTTP_STATUS, "401")
                .containsEntry(DeadLetterHeaders.REASON, "rejected");
        assertThat(Portal.patchCount(mentor)).isEqualTo(2);
    }

    @Test
    void aDuplicateEventHasOneEffect() {
        UUID mentor = UUID.randomUUID();
        MentorStatusChanged event = Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2);
        Events.send(event);
        awaitState(mentor, "IN_SYNC");
        Events.send(event);

        await().atMost(WAIT).until(() -> SyncDb.outcomes(pool, mentor), o -> o.contains("SKIPPED_STALE"));
        assertThat(SyncDb.outcomes(pool, mentor)).containsExactly("APPLIED", "SKIPPED_STALE");
        assertThat(Portal.patchCount(mentor)).isEqualTo(1);
    }

    @Test
    void anOlderVersionArrivingLateIsSkipped() {
        UUID mentor = UUID.randomUUID();
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));
        Events.send(Events.event(mentor, MentorStatus.EXPIRED_CERT, MentorStatus.ACTIVE, 1));

        await().atMost(WAIT).until(() -> SyncDb.log(pool, mentor).size() == 2);
        List<Row> log = SyncDb.log(pool, mentor);
        assertThat(log.get(0).getString("outcome")).isEqualTo("APPLIED");
        assertThat(log.get(1).getString("outcome")).isIn("SKIPPED_STALE", "SUPERSEDED");
        assertThat(log.get(1).getLong("event_version")).isEqualTo(1L);
        assertSinglePatch(mentor, false);
        Row state = SyncDb.state(pool, mentor).orElseThrow();
        assertThat(state.getLong("last_event_version")).isEqualTo(2L);
        assertThat(state.getBoolean("desired_visible")).isFalse();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheFollowingRecordsAreStillApplied() {
        UUID mentor = UUID.randomUUID();
        String poison = "{\"eventId\": \"not json";
        Events.sendRaw(mentor.toString(), poison);
        Events.send(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        ConsumerRecord<String, String> letter = Events.reader()
                .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, WAIT).get(0);
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "poison")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "0");
        awaitState(mentor, "IN_SYNC");
        assertSinglePatch(mentor, false);
        assertThat(SyncDb.outcomes(pool, mentor)).containsExactly("DEAD_LETTERED", "APPLIED");
    }

    /**
     * The consumer stored the event and crashed before the portal answer was recorded and the offset committed:
     * Kafka delivers the record again, and the same event is applied, not skipped as a duplicate.
     */
    @Test
    void aRedeliveryAfterACrashBeforeTheCommitIsAppliedAgainAndTheFinalStateIsRight() {
        UUID mentor = UUID.randomUUID();
        MentorStatusChanged event = Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 3);
        pool.preparedQuery("""
                INSERT INTO sync_state (mentor_id, chapter_id, last_status, desired_visible, portal_visible,
                                        last_event_version, last_event_id, state, updated_at)
                VALUES ($1, 'oslo', 'PAUSED', false, true, 3, $2, 'PENDING', now())""")
                .execute(Tuple.of(mentor, event.eventId())).await().indefinitely();

        Events.send(event);
        awaitState(mentor, "IN_SYNC");
        assertSinglePatch(mentor, false);

        Events.send(event);
        await().atMost(WAIT).until(() -> SyncDb.outcomes(pool, mentor), o -> o.contains("SKIPPED_STALE"));
        assertThat(Portal.patchCount(mentor)).isEqualTo(1);
        assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isFalse();
    }

    private Row awaitState(UUID mentor, String state) {
        return await().atMost(WAIT).until(() -> SyncDb.state(pool, mentor).orElse(null),
                row -> row != null && state.equals(row.getString("state")));
    }

    private static void assertSinglePatch(UUID mentor, boolean visible) {
        List<ServeEvent> calls = Portal.patches(mentor);
        assertThat(calls).hasSize(1);
        var request = calls.get(0).getRequest();
        assertThat(request.getBodyAsString()).isEqualToIgnoringWhitespace("{\"hlf_showonwebsite\":" + visible + "}");
        assertThat(request.getHeader("If-Match")).isEqualTo("*");
        assertThat(request.getHeader("OData-Version")).isEqualTo("4.0");
        assertThat(request.getHeader("OData-MaxVersion")).isEqualTo("4.0");
        assertThat(request.getHeader("Accept")).contains("application/json");
        assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
    }

    /** The mentor's PATCHes answer these responses in turn; the last one repeats. */
    static void script(UUID mentor, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
        String scenario = "script-" + mentor;
        for (int i = 0; i < responses.length; i++) {
            var stub = patch(urlEqualTo(Portal.contactPath(mentor))).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "step-" + i).willReturn(responses[i]);
            if (i < responses.length - 1) {
                stub = stub.willSetStateTo("step-" + (i + 1));
            }
            Portal.mock().register(stub);
        }
    }

    static String odataError(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private static int tokenRequests() {
        return Portal.mock().find(postRequestedFor(urlPathEqualTo(PortalMockResource.TOKEN_PATH))).size();
    }
}
