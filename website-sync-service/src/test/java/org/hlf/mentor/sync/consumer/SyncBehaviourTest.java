package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlf.mentor.sync.consumer.SyncScenarios.assertSingleWrite;
import static org.hlf.mentor.sync.consumer.SyncScenarios.chapter;
import static org.hlf.mentor.sync.consumer.SyncScenarios.deadLetter;
import static org.hlf.mentor.sync.consumer.SyncScenarios.event;
import static org.hlf.mentor.sync.consumer.SyncScenarios.seeded;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer against the real broker and database, the portal as the Dataverse sandbox (a real process): the
 * visibility rule, duplicates, stale and poison records, redelivery after a crash. Retries are in
 * {@link SyncRetryTest}, dead letters and refusals in {@link SyncDeadLetterTest}. Every mentor lives in a chapter of
 * its own test.
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
        SyncScenarios.clearPortalFaults();
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

        ConsumerRecord<String, String> letter = deadLetter(mentor);
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(SyncScenarios.headers(letter)).containsEntry(DeadLetterHeaders.REASON, "poison")
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
}
