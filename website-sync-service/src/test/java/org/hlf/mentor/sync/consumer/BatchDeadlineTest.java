package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A poll's writes end by the write path's portal budget (8 s in %test), whatever the portal asks: with the
 * {@code $batch} throttled (429) with a long Retry-After (honoured up to 5 s in %test), only the attempts that can
 * start before the deadline are made, and the parts are dead-lettered then, so the poll ends well inside the
 * channel's limit instead of after every attempt and round.
 */
@QuarkusTest
class BatchDeadlineTest {

    @Inject
    KafkaClientService kafka;

    @AfterEach
    void clearFaults() {
        Portal.admin().clearFaults();
    }

    @Test
    void throttledBatchPartsAreDeadLetteredWhenTheBudgetEndsInsteadOfAfterEveryRound() {
        String chapter = "deadline-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> mentors = new ArrayList<>();
        List<MentorStatusChanged> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID mentor = UUID.randomUUID();
            mentors.add(mentor);
            events.add(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 2));
        }
        Portal.seed(chapter, true, mentors.toArray(UUID[]::new));
        Instant start = Instant.now();
        // Dataverse throttles a $batch as one request
        Portal.admin().addFault("{\"status\":429,\"retryAfterSeconds\":60,\"method\":\"POST\"}");

        var consumer = kafka.getConsumer(Topics.MENTOR_STATUS_CHANGED);
        consumer.pause().await().atMost(SyncDb.WAIT);
        try {
            Events.sendAll(events);
        } finally {
            consumer.resume().await().atMost(SyncDb.WAIT);
        }

        for (UUID mentor : mentors) {
            ConsumerRecord<String, String> letter = Events.reader()
                    .awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, SyncDb.WAIT).get(0);
            Map<String, String> headers = SyncScenarios.headers(letter);
            assertThat(headers).containsEntry(DeadLetterHeaders.REASON, "exhausted")
                    .containsEntry(DeadLetterHeaders.HTTP_STATUS, "429")
                    .containsEntry(DeadLetterHeaders.ATTEMPTS, "2");
            assertThat(headers.get(DeadLetterHeaders.CAUSE)).contains("budget");
            assertThat(Portal.visible(mentor)).isTrue();
        }
        // the first attempt and one more 5 s later; a third would start after the 8 s budget
        List<SandboxRequest> batches = Portal.admin().requests().stream()
                .filter(r -> r.path().endsWith("$batch") && !r.time().isBefore(start)).toList();
        assertThat(batches).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(429));
    }
}
