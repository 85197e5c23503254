package org.hlf.mentor.pause.dlq;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.register;
import static org.hlf.mentor.pause.PauseApi.registerCertified;
import static org.hlf.mentor.pause.PauseApi.status;
import static org.hlf.mentor.pause.dlq.DlqFixture.DLQ;
import static org.hlf.mentor.pause.dlq.DlqFixture.WAIT;
import static org.hlf.mentor.pause.dlq.DlqFixture.list;
import static org.hlf.mentor.pause.dlq.DlqFixture.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.CertificationExpired;
import org.hlf.mentor.events.CertificationRenewed;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ops list certification-events-dlq and replay it through the same handler: a letter is applied at most once, a
 * letter that fails again is reported and stays where it is.
 */
@QuarkusTest
class CertificationDlqTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private DlqFixture dlq;

    @BeforeEach
    void setUp() {
        dlq = new DlqFixture(bootstrapServers, pool, mapper);
    }

    @AfterEach
    void tearDown() {
        dlq.close();
    }

    @Test
    void letterOfAnUnknownMentorIsAppliedOnceAfterTheMentorIsRegistered() throws Exception {
        UUID id = UUID.randomUUID();
        var expiry = new CertificationExpired(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        dlq.send(id, expiry);
        dlq.awaitDeadLetters(id, 1);

        // still unknown: reported, not dead-lettered again, still to do
        replay(id).then().statusCode(200).body("matched", equalTo(1)).body("replayed", equalTo(0))
                .body("skipped", equalTo(0)).body("failed", equalTo(1)).body("remaining", equalTo(1))
                .body("failures[0].reason", equalTo("unknown mentor " + id));
        assertThat(dlq.deadLetters(id)).hasSize(1);

        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);
        replay(id).then().statusCode(200).body("matched", equalTo(1)).body("replayed", equalTo(1))
                .body("skipped", equalTo(0)).body("failed", equalTo(0)).body("remaining", equalTo(0));
        status(id).then().body("status", equalTo("EXPIRED_CERT"))
                .body("certificationValidUntil", equalTo(TODAY.minusDays(1).toString()));

        replay(id).then().statusCode(200).body("matched", equalTo(1)).body("replayed", equalTo(0))
                .body("skipped", equalTo(1)).body("failed", equalTo(0)).body("remaining", equalTo(0));
        assertThat(dlq.expiries(id)).isEqualTo(1);
        assertThat(dlq.processed(expiry.eventId())).isEqualTo(1);
        assertThat(dlq.deadLetters(id)).hasSize(1);
        list(Map.of("mentorId", id.toString())).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].replay", equalTo("REPLAYED"));
    }

    @Test
    void lettersOfOneMentorAreReplayedInTheirOrder() throws Exception {
        UUID id = UUID.randomUUID();
        // renewed, then revoked: applied the other way round the mentor would end visible
        dlq.send(id, new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(2), Instant.now()));
        dlq.send(id, new CertificationExpired(UUID.randomUUID(), id, TODAY.plusYears(2), Instant.now()));
        dlq.awaitDeadLetters(id, 2);
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);

        replay(id).then().statusCode(200).body("matched", equalTo(2)).body("replayed", equalTo(2))
                .body("remaining", equalTo(0));
        status(id).then().body("status", equalTo("EXPIRED_CERT"));
    }

    @Test
    void letterWhoseEventWasAlreadyAppliedIsSkipped() throws Exception {
        UUID id = register("oslo", TODAY.plusYears(1));
        var expiry = new CertificationExpired(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        dlq.send(id, expiry);
        await().atMost(WAIT).until(() -> dlq.processed(expiry.eventId()) == 1);
        // a letter of the same event, as an earlier failure that was redelivered and applied would have left
        dlq.sendRaw(Topics.CERTIFICATION_EVENTS_DLQ, id, mapper.writeValueAsString(expiry));

        replay(id).then().statusCode(200).body("matched", equalTo(1)).body("replayed", equalTo(0))
                .body("skipped", equalTo(1)).body("failed", equalTo(0)).body("remaining", equalTo(0));
        assertThat(dlq.expiries(id)).isEqualTo(1);
    }

    @Test
    void unreadableLetterFailsOnceForGoodAndIsNotDeadLetteredAgain() {
        UUID id = registerCertified("oslo");
        dlq.sendRaw(Topics.CERTIFICATION_EVENTS, id, "{not json");
        dlq.awaitDeadLetters(id, 1);

        replay(id).then().statusCode(200).body("matched", equalTo(1)).body("failed", equalTo(1))
                .body("remaining", equalTo(0)).body("failures[0].reason", startsWith("unreadable"));
        replay(id).then().statusCode(200).body("matched", equalTo(1)).body("failed", equalTo(0))
                .body("skipped", equalTo(1)).body("remaining", equalTo(0));
        assertThat(dlq.deadLetters(id)).hasSize(1);
        status(id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void replayAllTwiceReplaysNothingTheSecondTime() throws Exception {
        UUID id = UUID.randomUUID();
        dlq.send(id, new CertificationExpired(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now()));
        dlq.awaitDeadLetters(id, 1);
        register(id, "bergen", TODAY.plusYears(1)).then().statusCode(201);

        Response first = as(TestTokens.ops()).post(DLQ + "/replay");
        first.then().statusCode(200);
        assertThat(first.jsonPath().getInt("replayed")).isPositive();
        Response second = as(TestTokens.admin()).body("{}").post(DLQ + "/replay");
        second.then().statusCode(200).body("replayed", equalTo(0))
                .body("matched", equalTo(first.jsonPath().getInt("matched")));
        assertThat(dlq.expiries(id)).isEqualTo(1);
    }

    @Test
    void listingPagesTheLettersWithACursorAndCountsWhatRemains() throws Exception {
        UUID id = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            dlq.send(id, new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now()));
        }
        dlq.awaitDeadLetters(id, 3);

        Response page1 = list(Map.of("mentorId", id.toString(), "limit", "2"));
        page1.then().statusCode(200).body("items.size()", equalTo(2)).body("remaining", equalTo(1))
                .body("items[0].mentorId", equalTo(id.toString()))
                .body("items[0].reason", equalTo("unknown mentor " + id))
                .body("items[0].sourceTopic", equalTo(Topics.CERTIFICATION_EVENTS))
                .body("items[0].replay", nullValue());
        String cursor = page1.jsonPath().getString("nextCursor");
        assertThat(cursor).isNotBlank();
        Response page2 = list(Map.of("mentorId", id.toString(), "limit", "2", "cursor", cursor));
        page2.then().statusCode(200).body("items.size()", equalTo(1)).body("remaining", equalTo(0))
                .body("nextCursor", nullValue());

        List<Long> offsets = new ArrayList<>(page1.jsonPath().getList("items.offset", Long.class));
        offsets.addAll(page2.jsonPath().getList("items.offset", Long.class));
        assertThat(offsets).doesNotHaveDuplicates().isSorted();
        assertThat(page2.jsonPath().getString("items[0].payload")).contains(id.toString());

        Instant deadLettered = Instant.parse(page1.jsonPath().getString("items[0].deadLetteredAt"));
        list(Map.of("mentorId", id.toString(), "from", deadLettered.minusSeconds(60).toString())).then()
                .statusCode(200).body("items.size()", equalTo(3)).body("remaining", equalTo(0));
        list(Map.of("mentorId", id.toString(), "from", deadLettered.plusSeconds(3600).toString())).then()
                .statusCode(200).body("items.size()", equalTo(0)).body("remaining", equalTo(0));
        list(Map.of("mentorId", id.toString(), "to", deadLettered.minusSeconds(60).toString())).then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void onlyOpsAndAdminsMayListOrReplay() {
        given().get(DLQ).then().statusCode(401).contentType("application/problem+json");
        given().post(DLQ + "/replay").then().statusCode(401).contentType("application/problem+json");
        for (String token : List.of(TestTokens.coordinator("oslo"), TestTokens.system())) {
            as(token).get(DLQ).then().statusCode(403).contentType("application/problem+json");
            as(token).post(DLQ + "/replay").then().statusCode(403).contentType("application/problem+json");
        }
        as(TestTokens.ops()).queryParam("limit", "1").get(DLQ).then().statusCode(200);
        as(TestTokens.admin()).queryParam("limit", "1").get(DLQ).then().statusCode(200);
    }

    @Test
    void badInputIs400AndReplaysNothing() throws Exception {
        UUID id = UUID.randomUUID();
        dlq.send(id, new CertificationExpired(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now()));
        dlq.awaitDeadLetters(id, 1);
        register(id, "oslo", TODAY.plusYears(1)).then().statusCode(201);
        String ops = TestTokens.ops();

        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "x"), Map.of("limit", "100000"),
                Map.of("cursor", "garbage"), Map.of("mentorId", "nope"), Map.of("from", "yesterday"),
                Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))) {
            as(ops).queryParams(query).get(DLQ).then().statusCode(400).contentType("application/problem+json");
        }
        for (String body : List.of("{\"mentorId\":\"nope\"}", "{\"mentor\":\"" + id + "\"}", "{\"from\":\"x\"}",
                "{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}", "[]", "{not json")) {
            as(ops).body(body).post(DLQ + "/replay").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        status(id).then().body("status", equalTo("ACTIVE"));
        assertThat(dlq.expiries(id)).isZero();
    }
}
