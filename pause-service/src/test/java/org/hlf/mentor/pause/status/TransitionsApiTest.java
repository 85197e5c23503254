package org.hlf.mentor.pause.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.expire;
import static org.hlf.mentor.pause.PauseApi.lift;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.registerCertified;
import static org.hlf.mentor.pause.PauseApi.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.PauseApi;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every allowed and refused transition of the table, through the HTTP API, down to rows and records. */
@QuarkusTest
class TransitionsApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private PauseDb db;

    @BeforeEach
    void setUp() {
        db = new PauseDb(pool);
    }

    @Test
    void pausesAnActiveMentorWithReasonAndReturnDate() {
        UUID id = registerCertified("oslo");
        LocalDate back = TODAY.plusDays(30);
        as(TestTokens.coordinator("oslo")).body(Map.of("reason", "holiday", "expectedReturnDate", back.toString()))
                .post(PauseApi.BASE + id + "/activate")
                .then().statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("version", equalTo(2))
                .body("currentPause.reason", equalTo("holiday"))
                .body("currentPause.expectedReturnDate", equalTo(back.toString()))
                .body("currentPause.startDate", equalTo(TODAY.toString()));
        assertThat(db.count("pause_period", id)).isEqualTo(1);
        assertThat(db.one("SELECT action, from_status, to_status, reason, actor_role FROM status_audit "
                + "WHERE mentor_id = $1 ORDER BY id DESC LIMIT 1", id).toJson().getMap())
                .containsEntry("action", "PAUSE").containsEntry("from_status", "ACTIVE")
                .containsEntry("to_status", "PAUSED").containsEntry("reason", "holiday")
                .containsEntry("actor_role", "COORDINATOR");
    }

    @Test
    void liftReturnsACertifiedMentorToActive() {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        lift(id).then().statusCode(200).body("status", equalTo("ACTIVE")).body("currentPause", nullValue())
                .body("version", equalTo(3));
        assertThat(db.one("SELECT count(*) AS n FROM pause_period WHERE mentor_id = $1 AND ended_at IS NOT NULL", id)
                .getLong("n")).isEqualTo(1);
    }

    @Test
    void liftWithoutBodyOrContentTypeWorks() {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.admin()).post(PauseApi.BASE + id + "/lift")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void liftWhenCertificationLapsedLeavesMentorExpired() {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        // the certification ran out during the pause, before any sweep noticed
        db.execute("UPDATE peer_mentor SET certification_valid_until = $1 WHERE id = $2", TODAY.minusDays(1), id);
        lift(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT")).body("currentPause", nullValue());
    }

    @Test
    void expiryOfAPausedMentorKeepsThePauseOpen() {
        UUID id = registerCertified("bergen");
        pause(id).then().statusCode(200);
        expire(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT"))
                .body("currentPause.reason", equalTo("holiday"))
                .body("certificationValidUntil", equalTo(TODAY.minusDays(1).toString()));
    }

    @Test
    void expiryOfAnActiveMentorHidesIt() {
        UUID id = registerCertified("bergen");
        expire(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT")).body("version", equalTo(2));
    }

    @Test
    void expiryOfAnExpiredMentorIsANoOpWithoutEvent() {
        UUID id = registerCertified("bergen");
        expire(id).then().statusCode(200);
        long outboxBefore = db.count("outbox", id);
        expire(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT")).body("version", equalTo(2));
        assertThat(db.count("outbox", id)).isEqualTo(outboxBefore);
        assertThat(db.count("status_audit", id)).isEqualTo(2);
    }

    @Test
    void liftOfAnExpiredMentorClosesThePauseWithoutStatusEvent() {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        expire(id).then().statusCode(200);
        long statusEvents = db.outboxRows(id, Topics.MENTOR_STATUS_CHANGED);
        long notifications = db.outboxRows(id, Topics.COORDINATOR_NOTIFICATIONS);

        // an accepted write moves the version even when the status stays: a decision made before it cannot land
        lift(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT")).body("currentPause", nullValue())
                .body("version", equalTo(4));

        assertThat(db.outboxRows(id, Topics.MENTOR_STATUS_CHANGED)).isEqualTo(statusEvents);
        assertThat(db.outboxRows(id, Topics.COORDINATOR_NOTIFICATIONS)).isEqualTo(notifications + 1);
        assertThat(db.one("SELECT action, from_status, to_status FROM status_audit WHERE mentor_id = $1 "
                + "ORDER BY id DESC LIMIT 1", id).toJson().getMap())
                .containsEntry("action", "LIFT").containsEntry("from_status", "EXPIRED_CERT")
                .containsEntry("to_status", "EXPIRED_CERT");
    }

    @Test
    void pauseOfAPausedMentorIsRefusedWithCurrentStatusAndAllowedTargets() {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        pause(id).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("currentStatus", equalTo("PAUSED"))
                .body("allowedTargets", containsInAnyOrder("ACTIVE", "EXPIRED_CERT"));
    }

    @Test
    void pauseOfAnExpiredMentorIsRefused() {
        UUID id = PauseApi.register("oslo", TODAY.minusDays(3));
        status(id).then().body("status", equalTo("EXPIRED_CERT"));
        pause(id).then().statusCode(409).body("currentStatus", equalTo("EXPIRED_CERT"));
    }

    @Test
    void liftOfAnActiveMentorIsRefused() {
        UUID id = registerCertified("oslo");
        lift(id).then().statusCode(409).body("currentStatus", equalTo("ACTIVE"))
                .body("allowedTargets", containsInAnyOrder("PAUSED", "EXPIRED_CERT"));
    }

    @Test
    void liftOfAnExpiredMentorWithoutPauseIsRefused() {
        UUID id = PauseApi.register("oslo", TODAY.minusDays(3));
        Map<String, Object> before = db.snapshot(id);
        lift(id).then().statusCode(409).body("currentStatus", equalTo("EXPIRED_CERT"));
        assertThat(db.snapshot(id)).isEqualTo(before);
    }

    @Test
    void refusedTransitionChangesNothing() {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        Map<String, Object> before = db.snapshot(id);
        pause(id).then().statusCode(409);
        assertThat(db.snapshot(id)).isEqualTo(before);
    }

    @Test
    void everyTransitionPublishesOneEventWithGrowingVersion() throws Exception {
        UUID id = registerCertified("trondheim");
        pause(id).then().statusCode(200);
        lift(id).then().statusCode(200);
        expire(id).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = new TopicReader(bootstrapServers)
                .awaitAtLeast(Topics.MENTOR_STATUS_CHANGED, id.toString(), 4, Duration.ofSeconds(10));
        assertThat(records).hasSize(4);
        List<MentorStatusChanged> events = records.stream().map(this::read).toList();
        assertThat(events).extracting(MentorStatusChanged::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(MentorStatusChanged::newStatus).containsExactly(MentorStatus.ACTIVE,
                MentorStatus.PAUSED, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT);
        assertThat(events.get(0).previousStatus()).isNull();
        assertThat(events.get(1).reason()).isEqualTo("holiday");
        assertThat(events).allSatisfy(e -> assertThat(e.chapterId()).isEqualTo("trondheim"));
    }

    @Test
    void historyListsPausesAndTransitionsNewestFirst() {
        UUID id = registerCertified("oslo");
        pause(id).then().statusCode(200);
        lift(id).then().statusCode(200);
        as(TestTokens.coordinator("oslo")).get(PauseApi.BASE + id + "/history").then().statusCode(200)
                .body("transitions.action", contains("LIFT", "PAUSE", "REGISTER"))
                .body("transitions.version", contains(3, 2, 1))
                .body("pausePeriods.size()", equalTo(1))
                .body("pausePeriods[0].reason", equalTo("holiday"));
    }

    @Test
    void transitionsEndpointShowsTheTableAndAnswersIsTransitionAllowed() {
        as(TestTokens.coordinator("oslo")).get(PauseApi.BASE + "transitions").then().statusCode(200)
                .body("transitions.size()", equalTo(StateMachine.RULES.size()));
        as(TestTokens.ops()).queryParam("from", "ACTIVE").queryParam("to", "PAUSED")
                .get(PauseApi.BASE + "transitions").then().statusCode(200).body("allowed", equalTo(true));
        as(TestTokens.ops()).queryParam("from", "PAUSED").queryParam("to", "PAUSED")
                .get(PauseApi.BASE + "transitions").then().statusCode(200).body("allowed", equalTo(false));
    }

    private MentorStatusChanged read(ConsumerRecord<String, String> record) {
        try {
            return mapper.readValue(record.value(), MentorStatusChanged.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
