package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.sync.consumer.SyncScenarios.deadLetter;
import static org.hlf.mentor.sync.consumer.SyncScenarios.event;
import static org.hlf.mentor.sync.consumer.SyncScenarios.headers;
import static org.hlf.mentor.sync.consumer.SyncScenarios.seeded;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer against the real broker and database, the portal as the Dataverse sandbox (a real process): a write
 * that still fails after the configured attempts, or that the portal refuses for good (404, 400, 401 after a fresh
 * token), goes to the dead-letter topic with the headers ops replay it by. Retry delays are shortened in %test (4
 * attempts, 10 ms base, 2 s per attempt). Every fault is aimed at the test's own mentor.
 */
@QuarkusTest
class SyncDeadLetterTest {

    @Inject
    Pool pool;

    @AfterEach
    void clearFaults() {
        SyncScenarios.clearPortalFaults();
    }

    @Test
    void permanentServerErrorIsDeadLetteredWithHeadersAfterTheConfiguredAttempts() {
        UUID mentor = seeded(true);
        Portal.admin().addFault("{\"status\":500,\"mentorId\":\"" + mentor + "\"}");
        MentorStatusChanged event = event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2);
        Instant sent = Instant.now();
        Events.send(event);

        ConsumerRecord<String, String> letter = deadLetter(mentor);
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
                .containsEntry(DeadLetterHeaders.EXCEPTION_CLASS_NAME, "org.hlf.mentor.sync.portal.PortalUnavailable");
        // 0x80040216: Dataverse's "unexpected error", the code the sandbox answers an injected 500 with
        assertThat(headers.get(DeadLetterHeaders.CAUSE)).contains("HTTP 500").contains("0x80040216");
        assertThat(Instant.parse(headers.get(DeadLetterHeaders.FIRST_FAILURE))).isAfter(sent.minusSeconds(1));
        assertThat(Portal.writes(mentor)).hasSize(4).allSatisfy(call -> assertThat(call.status()).isEqualTo(500));
        assertThat(Portal.visible(mentor)).isTrue();
        Row state = SyncDb.awaitState(pool, mentor, "FAILED");
        assertThat(state.getString("last_error")).contains("HTTP 500");
        assertThat(state.getInteger("consecutive_failures")).isEqualTo(1);
        assertThat(SyncDb.log(pool, mentor)).singleElement().satisfies(row -> {
            assertThat(row.getString("outcome")).isEqualTo("DEAD_LETTERED");
            assertThat(row.getBoolean("success")).isFalse();
            assertThat(row.getInteger("attempt")).isEqualTo(4);
            assertThat(row.getString("error_detail")).contains("0x80040216");
        });
    }

    /** The contact does not exist: the update-only PATCH is answered 404 and creates nothing. */
    @Test
    void notFoundGoesToTheDeadLetterTopicAtOnce() {
        UUID mentor = UUID.randomUUID();
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        ConsumerRecord<String, String> letter = deadLetter(mentor);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "1").containsEntry(DeadLetterHeaders.HTTP_STATUS, "404")
                .containsEntry(DeadLetterHeaders.EXCEPTION_CLASS_NAME, "org.hlf.mentor.sync.portal.PortalRejected");
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

        ConsumerRecord<String, String> letter = deadLetter(mentor);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "400").containsEntry(DeadLetterHeaders.ATTEMPTS, "1");
        assertThat(Portal.writeCount(mentor)).isEqualTo(1);
        assertThat(Portal.visible(mentor)).isFalse();
        // the sandbox's injected failures carry Dataverse's generic error code
        assertThat(SyncDb.awaitState(pool, mentor, "FAILED").getString("last_error")).contains("HTTP 400")
                .contains("0x80040216");
    }

    @Test
    void unauthorizedAgainAfterTheRefreshIsFinal() {
        UUID mentor = seeded(true);
        Portal.admin().addFault("{\"status\":401,\"mentorId\":\"" + mentor + "\"}");
        Events.send(event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 2));

        ConsumerRecord<String, String> letter = deadLetter(mentor);
        assertThat(headers(letter)).containsEntry(DeadLetterHeaders.HTTP_STATUS, "401")
                .containsEntry(DeadLetterHeaders.REASON, "rejected");
        assertThat(Portal.writes(mentor)).extracting(SandboxRequest::status).containsExactly(401, 401);
        assertThat(Portal.visible(mentor)).isTrue();
    }
}
