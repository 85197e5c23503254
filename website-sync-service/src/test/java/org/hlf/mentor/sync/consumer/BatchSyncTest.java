package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.support.dlq.DeadLetterHeaders;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.SandboxResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many changes in one poll: coalesced per mentor (latest version wins) and sent as one {@code $batch} with
 * continue-on-error; each record still gets its audit row, and a failed part its dead letter. The portal is the
 * Dataverse sandbox: it answers each part on its own and logs the batch and then each part under the batch's
 * request id.
 */
@QuarkusTest
class BatchSyncTest {

    private static final Duration WAIT = SyncDb.WAIT;

    @Inject
    Pool pool;

    @Inject
    KafkaClientService kafka;

    @AfterEach
    void clearFaults() {
        Portal.admin().clearFaults();
    }

    @Test
    void aBulkChangeIsCoalescedAndSentAsOneBatchWithPerRecordOutcomes() {
        String chapter = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> mentors = new ArrayList<>();
        List<MentorStatusChanged> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID mentor = UUID.randomUUID();
            mentors.add(mentor);
            events.add(Events.event(mentor, chapter, MentorStatus.ACTIVE, MentorStatus.PAUSED, 1));
            events.add(Events.event(mentor, chapter, MentorStatus.PAUSED, MentorStatus.ACTIVE, 2));
        }
        // no contact: the update-only part is answered 404
        UUID missing = UUID.randomUUID();
        // its part fails with 503 in every round
        UUID unavailable = UUID.randomUUID();
        events.add(Events.event(missing, chapter, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 3));
        events.add(Events.event(unavailable, chapter, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 3));
        Portal.seed(chapter, false, mentors.toArray(UUID[]::new));
        Portal.seed(chapter, true, unavailable);
        Portal.admin().addFault("{\"status\":503,\"mentorId\":\"" + unavailable + "\"}");

        var consumer = kafka.getConsumer(Topics.MENTOR_STATUS_CHANGED);
        consumer.pause().await().atMost(WAIT);
        try {
            Events.sendAll(events);
        } finally {
            consumer.resume().await().atMost(WAIT);
        }

        for (UUID mentor : mentors) {
            SyncDb.awaitState(pool, mentor, "IN_SYNC");
        }
        var missingLetter = Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, missing.toString(), 1, WAIT).get(0);
        var unavailableLetter = Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, unavailable.toString(), 1, WAIT)
                .get(0);
        assertThat(SyncScenarios.headers(missingLetter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "404").containsEntry(DeadLetterHeaders.ATTEMPTS, "1");
        assertThat(SyncScenarios.headers(unavailableLetter)).containsEntry(DeadLetterHeaders.REASON, "exhausted")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "503").containsEntry(DeadLetterHeaders.ATTEMPTS, "3");

        // every $batch that carried one of this test's mentors, in order, with its parts
        Set<UUID> ours = new java.util.HashSet<>(mentors);
        ours.add(missing);
        ours.add(unavailable);
        List<SandboxRequest> log = Portal.admin().requests();
        Map<String, List<SandboxRequest>> partsByBatch = log.stream()
                .filter(r -> r.mentorId() != null && ours.contains(r.mentorId()))
                .collect(Collectors.groupingBy(SandboxRequest::requestId));
        List<SandboxRequest> batches = log.stream()
                .filter(r -> r.path().endsWith("$batch") && partsByBatch.containsKey(r.requestId())).toList();
        // one batch with all 14 mentors, then two more rounds for the part that kept failing with 503
        assertThat(batches).hasSize(3).allSatisfy(batch -> {
            assertThat(batch.method()).isEqualTo("POST");
            assertThat(batch.mentorId()).isNull();
            assertThat(batch.status()).isEqualTo(200);
            assertThat(batch.clientId()).isEqualTo(SandboxResource.CLIENT_ID);
        });
        List<SandboxRequest> first = partsOf(log, batches.get(0));
        assertThat(first).as("every operation of the poll in the first batch, each answered").hasSize(14)
                .allSatisfy(part -> assertThat(part.method()).isEqualTo("PATCH"));
        assertThat(first).extracting(SandboxRequest::mentorId).containsExactlyInAnyOrderElementsOf(ours);
        for (UUID mentor : mentors) {
            // the batch carried this mentor's part, the sandbox applied it: the contact changed
            assertThat(Portal.writes(mentor)).as("no single PATCH, one part").singleElement().satisfies(part -> {
                assertThat(part.requestId()).isEqualTo(batches.get(0).requestId());
                assertThat(part.status()).isEqualTo(204);
                assertThat(part.visibility()).isTrue();
            });
            assertThat(Portal.visible(mentor)).isTrue();
            assertThat(SyncDb.outcomes(pool, mentor)).containsExactlyInAnyOrder("SUPERSEDED", "APPLIED");
            assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isTrue();
        }
        assertThat(Portal.writes(missing)).singleElement().satisfies(part -> {
            assertThat(part.requestId()).isEqualTo(batches.get(0).requestId());
            assertThat(part.status()).isEqualTo(404);
        });
        assertThat(Portal.visible(missing)).as("If-Match: * in the part: nothing created").isNull();
        assertThat(partsOf(log, batches.get(1))).singleElement().satisfies(part -> {
            assertThat(part.mentorId()).isEqualTo(unavailable);
            assertThat(part.status()).isEqualTo(503);
        });
        assertThat(partsOf(log, batches.get(2))).singleElement()
                .satisfies(part -> assertThat(part.mentorId()).isEqualTo(unavailable));
        assertThat(Portal.writes(unavailable)).hasSize(3).allSatisfy(part -> assertThat(part.status()).isEqualTo(503));
        assertThat(Portal.visible(unavailable)).isTrue();
        assertThat(SyncDb.outcomes(pool, missing)).containsExactly("DEAD_LETTERED");
        assertThat(SyncDb.log(pool, unavailable)).singleElement()
                .satisfies(row -> assertThat(row.getInteger("attempt")).isEqualTo(3));
    }

    /** The operations the sandbox logged under the batch's request id. */
    private static List<SandboxRequest> partsOf(List<SandboxRequest> log, SandboxRequest batch) {
        return log.stream().filter(r -> r.requestId().equals(batch.requestId()) && r.seq() != batch.seq()).toList();
    }
}
