package org.hlf.mentor.pause.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.pause.PauseApi.expire;
import static org.hlf.mentor.pause.PauseApi.register;
import static org.hlf.mentor.pause.PauseApi.registerCertified;
import static org.hlf.mentor.pause.PauseApi.status;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.events.CertificationExpired;
import org.hlf.mentor.events.CertificationRenewed;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

/** certification-events drive the state machine end to end, idempotently, with dead letters for poison. */
@QuarkusTest
class CertificationEventsTest extends CertificationTopicFixture {

    @Test
    void expiredEventHidesTheMentorOnTheStatusTopic() throws Exception {
        UUID id = lapsedYesterday(registerCertified("oslo"));
        send(id, new CertificationExpired(UUID.randomUUID(), id, TODAY.minusDays(1), Instant.now()));

        List<ConsumerRecord<String, String>> records = topics.awaitAtLeast(Topics.MENTOR_STATUS_CHANGED,
                id.toString(), 2, Duration.ofSeconds(15));
        MentorStatusChanged event = mapper.readValue(records.get(1).value(), MentorStatusChanged.class);
        assertThat(event.newStatus().name()).isEqualTo("EXPIRED_CERT");
        assertThat(event.initiatedBy().type().name()).isEqualTo("SYSTEM");
        assertThat(event.certificationValidUntil()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void renewedEventBringsAnExpiredMentorBack() throws Exception {
        UUID id = register("bergen", TODAY.minusDays(10));
        send(id, new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(2), Instant.now()));

        List<ConsumerRecord<String, String>> records = topics.awaitAtLeast(Topics.MENTOR_STATUS_CHANGED,
                id.toString(), 2, Duration.ofSeconds(15));
        MentorStatusChanged event = mapper.readValue(records.get(1).value(), MentorStatusChanged.class);
        assertThat(event.previousStatus().name()).isEqualTo("EXPIRED_CERT");
        assertThat(event.newStatus().name()).isEqualTo("ACTIVE");
        status(id).then().body("certificationValidUntil", equalTo(TODAY.plusYears(2).toString()));
    }

    @Test
    void redeliveredEventChangesNothingTheSecondTime() throws Exception {
        UUID id = register("oslo", TODAY.minusDays(10));
        var renewal = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        send(id, renewal);
        awaitProcessed(renewal.eventId());
        expire(id).then().statusCode(200).body("status", equalTo("EXPIRED_CERT"));

        send(id, renewal); // at-least-once: the same event again
        var marker = new CertificationExpired(UUID.randomUUID(), id, TODAY.minusDays(1), Instant.now());
        send(id, marker);
        awaitProcessed(marker.eventId());

        status(id).then().body("status", equalTo("EXPIRED_CERT"));
        assertThat(db.one("SELECT count(*) AS n FROM status_audit WHERE mentor_id = $1 AND action = 'RENEW'", id)
                .getLong("n")).isEqualTo(1);
    }

    @Test
    void renewalOlderThanTheStoredDateIsIgnored() throws Exception {
        UUID id = register("oslo", TODAY.plusYears(2));
        var older = new CertificationRenewed(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        send(id, older);
        awaitProcessed(older.eventId());
        status(id).then().body("certificationValidUntil", equalTo(TODAY.plusYears(2).toString()))
                .body("version", equalTo(1));
    }

    /**
     * A certification revoked before its end: the feature names the end date we know (or a later one), so the
     * expiry is not taken for a stale one and hides the mentor at once. (An expiry naming an earlier date than a
     * renewal applied since changes nothing: InterleavedWritesTest.)
     */
    @Test
    void anExpiryNamingTheStoredEndDateHidesTheMentorBeforeThatDate() throws Exception {
        UUID id = register("oslo", TODAY.plusYears(1));
        var revoked = new CertificationExpired(UUID.randomUUID(), id, TODAY.plusYears(1), Instant.now());
        send(id, revoked);
        awaitProcessed(revoked.eventId());
        status(id).then().body("status", equalTo("EXPIRED_CERT"))
                .body("certificationValidUntil", equalTo(TODAY.minusDays(1).toString()));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        UUID id = lapsedYesterday(registerCertified("oslo"));
        sendRaw(id, "{not json");
        send(id, new CertificationExpired(UUID.randomUUID(), id, TODAY.minusDays(1), Instant.now()));

        List<ConsumerRecord<String, String>> dead = topics.awaitAtLeast(Topics.CERTIFICATION_EVENTS_DLQ,
                id.toString(), 1, Duration.ofSeconds(15));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).startsWith("unreadable certification event");
        assertThat(header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.CERTIFICATION_EVENTS);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(
                () -> status(id).then().body("status", equalTo("EXPIRED_CERT")));
    }

    @Test
    void unknownEventTypeGoesToTheDeadLetterTopic() {
        UUID id = registerCertified("oslo");
        sendRaw(id, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"CertificationSuspended\",\"mentorId\":\""
                + id + "\",\"validUntil\":\"2027-01-01\",\"occurredAt\":\"2026-11-22T10:00:00Z\"}");
        var dead = topics.awaitAtLeast(Topics.CERTIFICATION_EVENTS_DLQ, id.toString(), 1, Duration.ofSeconds(15));
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).contains("CertificationSuspended");
        status(id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void eventForAnUnknownMentorGoesToTheDeadLetterTopic() throws Exception {
        UUID stranger = UUID.randomUUID();
        send(stranger, new CertificationExpired(UUID.randomUUID(), stranger, TODAY.minusDays(1), Instant.now()));
        var dead = topics.awaitAtLeast(Topics.CERTIFICATION_EVENTS_DLQ, stranger.toString(), 1,
                Duration.ofSeconds(15));
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).isEqualTo("unknown mentor " + stranger);
        assertThat(db.count("peer_mentor", stranger)).isZero();
    }

    /** As if the registered end date had passed: the mentor is still ACTIVE until something expires it. */
    private UUID lapsedYesterday(UUID id) {
        db.execute("UPDATE peer_mentor SET certification_valid_until = $2 WHERE id = $1", id, TODAY.minusDays(1));
        return id;
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> processed(eventId) == 1);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
