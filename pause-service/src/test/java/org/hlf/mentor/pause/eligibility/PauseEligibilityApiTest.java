package org.hlf.mentor.pause.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.expire;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.events.CommitmentKind;
import org.hlf.mentor.events.CommitmentOpened;
import org.hlf.mentor.events.CoordinatorNotification;
import org.hlf.mentor.events.OpenCommitment;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.CommitmentFixture;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * A coordinator's pause against the mentor's open commitments (from mentor-commitments): blocked, acknowledged,
 * warned about; expiry never blocked; the eligibility question asked ahead, within the coordinator's chapters.
 */
@QuarkusTest
class PauseEligibilityApiTest extends CommitmentFixture {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));
    private static final String BLOCKED = "https://hlf.org/problems/pause-blocked";

    @Test
    void openAssignmentBlocksThePauseAndNothingChanges() {
        UUID id = registerCertified("oslo");
        CommitmentOpened assignment = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");
        Map<String, Object> before = db.snapshot(id);
        String coordinator = TestTokens.coordinator("oslo");

        pause(coordinator, id, Map.of("reason", "holiday"), "blocked-" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(BLOCKED))
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("ACTIVE"))
                .body("blockers.commitmentId", contains(assignment.commitmentId().toString()))
                .body("blockers[0].summary", equalTo("Client 1142"))
                .body("warnings", hasSize(0))
                .body("detail", startsWith("Pause blocked"));

        assertThat(db.snapshot(id)).isEqualTo(before);
        assertThat(db.one("SELECT count(*) AS n FROM idempotency_key WHERE idem_key = $1", "blocked-" + id)
                .getLong("n")).as("a blocked pause is not kept as the key's answer").isZero();
    }

    @Test
    void blockedPauseGoesThroughWithTheSameKeyOnceTheAssignmentIsClosed() {
        UUID id = registerCertified("oslo");
        CommitmentOpened assignment = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");
        String coordinator = TestTokens.coordinator("oslo");
        pause(coordinator, id, Map.of("reason", "holiday"), "retry-" + id).then().statusCode(409);

        commitments.close(id, assignment.commitmentId());

        pause(coordinator, id, Map.of("reason", "holiday"), "retry-" + id).then().statusCode(200)
                .body("status", equalTo("PAUSED"));
    }

    @Test
    void acknowledgedPauseIsAuditedAndListsTheCommitmentsForReassignment() throws Exception {
        UUID id = registerCertified("oslo");
        CommitmentOpened assignment = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");
        CommitmentOpened reimbursement = commitments.open(id, CommitmentKind.REIMBURSEMENT, null, "Travel");
        String coordinator = TestTokens.coordinator("oslo");

        pause(coordinator, id, Map.of("reason", "illness", "acknowledgeOpenCommitments", true), null).then()
                .statusCode(200).body("status", equalTo("PAUSED"));

        var audit = db.rows("SELECT action, actor_id, actor_role, acknowledged_commitments FROM status_audit "
                + "WHERE mentor_id = $1 AND action = 'PAUSE'", id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor_role", "COORDINATOR");
        assertThat((String) audit.get(0).get("actor_id")).startsWith("coordinator-");
        List<OpenCommitment> acknowledged = List.of(mapper.readValue(
                (String) audit.get(0).get("acknowledged_commitments"), OpenCommitment[].class));
        assertThat(acknowledged).extracting(OpenCommitment::commitmentId).containsExactly(assignment.commitmentId());

        as(coordinator).get(BASE + id + "/history").then().statusCode(200)
                .body("transitions[0].action", equalTo("PAUSE"))
                .body("transitions[0].acknowledgedCommitments.commitmentId",
                        contains(assignment.commitmentId().toString()))
                .body("transitions[1].acknowledgedCommitments", nullValue());

        CoordinatorNotification paused = notification(id, CoordinatorNotification.Kind.PAUSED);
        assertThat(paused.openCommitments()).extracting(OpenCommitment::commitmentId)
                .containsExactly(assignment.commitmentId(), reimbursement.commitmentId());
    }

    @Test
    void pendingReimbursementIsOnlyAWarning() {
        UUID id = registerCertified("oslo");
        CommitmentOpened reimbursement = commitments.open(id, CommitmentKind.REIMBURSEMENT, null, "Travel");
        String coordinator = TestTokens.coordinator("oslo");

        as(coordinator).get(BASE + id + "/eligibility").then().statusCode(200)
                .body("eligible", equalTo(true)).body("blockers", hasSize(0))
                .body("warnings.commitmentId", contains(reimbursement.commitmentId().toString()));
        pause(coordinator, id, Map.of("reason", "holiday"), null).then().statusCode(200)
                .body("status", equalTo("PAUSED"));
        assertThat(db.one("SELECT acknowledged_commitments FROM status_audit WHERE mentor_id = $1 "
                + "AND action = 'PAUSE'", id).getString("acknowledged_commitments")).isNull();
    }

    @Test
    void sessionInsideThePauseBlocks() {
        UUID id = registerCertified("oslo");
        CommitmentOpened session = commitments.open(id, CommitmentKind.SESSION, inDays(3), "Session, client 7");
        String back = TODAY.plusDays(10).toString();

        as(TestTokens.admin()).get(BASE + id + "/eligibility?expectedReturnDate=" + back).then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("blockers.commitmentId", contains(session.commitmentId().toString()));
        pause(TestTokens.admin(), id, Map.of("reason", "holiday", "expectedReturnDate", back), null).then()
                .statusCode(409).body("type", equalTo(BLOCKED));
        assertThat(db.count("pause_period", id)).isZero();
    }

    @Test
    void sessionAfterTheExpectedReturnDoesNotBlock() {
        UUID id = registerCertified("oslo");
        CommitmentOpened session = commitments.open(id, CommitmentKind.SESSION, inDays(30), "Session, client 7");
        String back = TODAY.plusDays(10).toString();

        pause(TestTokens.coordinator("oslo"), id, Map.of("reason", "holiday", "expectedReturnDate", back), null)
                .then().statusCode(200).body("status", equalTo("PAUSED"));
        // without a return date, the same session would have blocked
        as(TestTokens.admin()).get(BASE + id + "/eligibility").then()
                .body("blockers.commitmentId", contains(session.commitmentId().toString()));
    }

    @Test
    void certificationExpiryIsNeverBlockedAndListsTheOpenCommitments() {
        UUID id = registerCertified("oslo");
        CommitmentOpened assignment = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");

        expire(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT"));

        CoordinatorNotification expired = notification(id, CoordinatorNotification.Kind.CERTIFICATION_EXPIRED);
        assertThat(expired.openCommitments()).extracting(OpenCommitment::commitmentId)
                .containsExactly(assignment.commitmentId());
    }

    @Test
    void eligibilityIsAnsweredWithinTheCoordinatorsChapter() {
        UUID id = registerCertified("oslo");
        commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");

        as(TestTokens.coordinator("bergen")).get(BASE + id + "/eligibility").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.coordinator("oslo", "bergen")).get(BASE + id + "/eligibility").then().statusCode(200)
                .body("mentorId", equalTo(id.toString())).body("blockers", hasSize(1));
        as(TestTokens.system()).get(BASE + id + "/eligibility").then().statusCode(403);
        io.restassured.RestAssured.given().get(BASE + id + "/eligibility").then().statusCode(401);
    }

    @Test
    void pausedMentorIsNotEligible() {
        UUID id = registerCertified("oslo");
        pause(TestTokens.admin(), id, Map.of("reason", "holiday"), null).then().statusCode(200);

        as(TestTokens.admin()).get(BASE + id + "/eligibility").then().statusCode(200)
                .body("currentStatus", equalTo("PAUSED")).body("eligible", equalTo(false))
                .body("blockers", hasSize(0));
    }

    @Test
    void badInputIsA400ThatChangesNothing() {
        UUID id = registerCertified("oslo");
        commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");
        Map<String, Object> before = db.snapshot(id);

        as(TestTokens.admin()).get(BASE + id + "/eligibility?expectedReturnDate=1.3.2027").then().statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.admin()).get(BASE + id + "/eligibility?expectedReturnDate=" + TODAY.minusDays(1)).then()
                .statusCode(400);
        pause(TestTokens.admin(), id, Map.of("reason", "holiday", "acknowledgeOpenCommitments", "yes"), null)
                .then().statusCode(400).contentType("application/problem+json");
        pause(TestTokens.admin(), id, Map.of("reason", "holiday", "acknowledgeOpenCommitments", 1), null)
                .then().statusCode(400);

        assertThat(db.snapshot(id)).isEqualTo(before);
    }

    private static Response pause(String token, UUID id, Map<String, Object> body, String key) {
        var request = as(token).body(new HashMap<>(body));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(BASE + id + "/activate");
    }

    private static Instant inDays(int days) {
        return TODAY.plusDays(days).atTime(17, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant();
    }

    private CoordinatorNotification notification(UUID id, CoordinatorNotification.Kind kind) {
        await().atMost(Duration.ofSeconds(10)).until(() -> db.unpublished(id) == 0);
        return new TopicReader(bootstrapServers)
                .awaitAtLeast(Topics.COORDINATOR_NOTIFICATIONS, id.toString(), 1, Duration.ofSeconds(10)).stream()
                .map(record -> read(record.value()))
                .filter(n -> n.kind() == kind).findFirst().orElseThrow();
    }

    private CoordinatorNotification read(String json) {
        try {
            return mapper.readValue(json, CoordinatorNotification.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
