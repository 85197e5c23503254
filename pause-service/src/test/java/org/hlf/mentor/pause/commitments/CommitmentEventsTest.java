package org.hlf.mentor.pause.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.events.CommitmentClosed;
import org.hlf.mentor.events.CommitmentKind;
import org.hlf.mentor.events.CommitmentOpened;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.pause.CommitmentFixture;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.hlf.mentor.testsupport.TestTokens;
import org.hlf.mentor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** mentor-commitments feed the projection of open commitments: idempotently, in any order, poison aside. */
@QuarkusTest
class CommitmentEventsTest extends CommitmentFixture {

    @Test
    void openedCommitmentIsCountedAsOpen() {
        UUID id = registerCertified("oslo");
        CommitmentOpened opened = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");

        as(TestTokens.admin()).get(BASE + id + "/eligibility").then().statusCode(200)
                .body("blockers.commitmentId", org.hamcrest.Matchers.contains(opened.commitmentId().toString()))
                .body("blockers[0].kind", org.hamcrest.Matchers.equalTo("ASSIGNMENT"))
                .body("blockers[0].summary", org.hamcrest.Matchers.equalTo("Client 1142"));
    }

    @Test
    void closedCommitmentIsNoLongerCounted() {
        UUID id = registerCertified("oslo");
        CommitmentOpened opened = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");
        commitments.close(id, opened.commitmentId());

        as(TestTokens.admin()).get(BASE + id + "/eligibility").then().statusCode(200)
                .body("eligible", org.hamcrest.Matchers.equalTo(true))
                .body("blockers", hasSize(0)).body("warnings", hasSize(0));
        assertThat(openRows(id)).isZero();
    }

    @Test
    void closeThatArrivesBeforeItsOpenIsRemembered() {
        UUID id = registerCertified("oslo");
        UUID commitment = UUID.randomUUID();
        commitments.applied(new CommitmentClosed(UUID.randomUUID(), commitment, id, Instant.now()));
        commitments.applied(new CommitmentOpened(UUID.randomUUID(), commitment, id, CommitmentKind.SESSION,
                Instant.now().plus(Duration.ofDays(2)), "Session with client 7", Instant.now().minusSeconds(60)));

        assertThat(openRows(id)).isZero();
        assertThat(db.one("SELECT kind, closed_at IS NOT NULL AS closed FROM mentor_commitment "
                + "WHERE commitment_id = $1", commitment).toJson().getMap())
                .containsEntry("kind", "SESSION").containsEntry("closed", true);
    }

    @Test
    void redeliveredEventsChangeNothingTheSecondTime() {
        UUID id = registerCertified("oslo");
        CommitmentOpened opened = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "Client 1142");
        CommitmentClosed closed = commitments.close(id, opened.commitmentId());

        commitments.applied(opened); // at-least-once: the same open again, after its close
        commitments.applied(closed);

        assertThat(openRows(id)).isZero();
        assertThat(db.one("SELECT count(*) AS n FROM mentor_commitment WHERE mentor_id = $1", id).getLong("n"))
                .isEqualTo(1);
        assertThat(db.one("SELECT count(*) AS n FROM processed_event WHERE mentor_id = $1", id).getLong("n"))
                .isEqualTo(2);
    }

    @Test
    void newerOpenOfTheSameCommitmentMovesTheSession() {
        UUID id = registerCertified("oslo");
        Instant first = Instant.now().plus(Duration.ofDays(3));
        Instant moved = Instant.now().plus(Duration.ofDays(40));
        CommitmentOpened opened = commitments.open(id, CommitmentKind.SESSION, first, "Session");
        commitments.applied(new CommitmentOpened(UUID.randomUUID(), opened.commitmentId(), id,
                CommitmentKind.SESSION, moved, "Session, moved", opened.occurredAt().plusSeconds(1)));
        // an older open delivered late does not move it back
        commitments.applied(new CommitmentOpened(UUID.randomUUID(), opened.commitmentId(), id,
                CommitmentKind.SESSION, first, "Session", opened.occurredAt().minusSeconds(1)));

        assertThat(db.one("SELECT summary FROM mentor_commitment WHERE commitment_id = $1", opened.commitmentId())
                .getString("summary")).isEqualTo("Session, moved");
    }

    @Test
    void commitmentOfAMentorNotYetOnTheRosterIsKept() {
        UUID unknown = UUID.randomUUID();
        commitments.open(unknown, CommitmentKind.REIMBURSEMENT, null, "Travel, 240 NOK");
        assertThat(openRows(unknown)).isEqualTo(1);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        UUID id = registerCertified("oslo");
        commitments.send(id, "{not json");
        var noKind = mapper.createObjectNode().put("type", "CommitmentOpened")
                .put("eventId", UUID.randomUUID().toString()).put("commitmentId", UUID.randomUUID().toString())
                .put("mentorId", id.toString()).put("occurredAt", Instant.now().toString());
        commitments.send(id, noKind.toString());
        CommitmentOpened after = commitments.open(id, CommitmentKind.ASSIGNMENT, null, "after the poison");

        List<ConsumerRecord<String, String>> letters = new TopicReader(bootstrapServers)
                .awaitAtLeast(Topics.MENTOR_COMMITMENTS_DLQ, id.toString(), 2, Duration.ofSeconds(15));
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).value()).isEqualTo("{not json");
        assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).startsWith("unreadable commitment event");
        assertThat(header(letters.get(1), DeadLetterHeaders.REASON)).isEqualTo("CommitmentOpened without a kind");
        assertThat(header(letters.get(1), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.MENTOR_COMMITMENTS);
        assertThat(openRows(id)).isEqualTo(1);
        assertThat(db.one("SELECT summary FROM mentor_commitment WHERE mentor_id = $1", id).getString("summary"))
                .isEqualTo(after.summary());
    }

    private long openRows(UUID mentorId) {
        return db.one("SELECT count(*) AS n FROM mentor_commitment WHERE mentor_id = $1 AND closed_at IS NULL",
                mentorId).getLong("n");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
