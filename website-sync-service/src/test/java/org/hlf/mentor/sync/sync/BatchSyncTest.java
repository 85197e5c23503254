package org.hlf.mentor.sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.sync.dlq.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

/**
 * Many changes in one poll: coalesced per mentor (latest version wins) and sent as one {@code $batch} with
 * continue-on-error; each record still gets its audit row, and a failed part its dead letter.
 */
@QuarkusTest
class BatchSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    KafkaClientService kafka;

    @Test
    void aBulkChangeIsCoalescedAndSentAsOneBatchWithPerRecordOutcomes() {
        List<UUID> mentors = new ArrayList<>();
        List<MentorStatusChanged> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID mentor = UUID.randomUUID();
            mentors.add(mentor);
            events.add(Events.event(mentor, MentorStatus.ACTIVE, MentorStatus.PAUSED, 1));
            events.add(Events.event(mentor, MentorStatus.PAUSED, MentorStatus.ACTIVE, 2));
        }
        UUID missing = UUID.fromString("00000404" + UUID.randomUUID().toString().substring(8));
        UUID unavailable = UUID.fromString("00000503" + UUID.randomUUID().toString().substring(8));
        events.add(Events.event(missing, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 3));
        events.add(Events.event(unavailable, MentorStatus.ACTIVE, MentorStatus.EXPIRED_CERT, 3));

        var consumer = kafka.getConsumer(Topics.MENTOR_STATUS_CHANGED);
        consumer.pause().await().atMost(WAIT);
        try {
            Events.sendAll(events);
        } finally {
            consumer.resume().await().atMost(WAIT);
        }

        for (UUID mentor : mentors) {
            await().atMost(WAIT).until(() -> SyncDb.state(pool, mentor).map(r -> r.getString("state")).orElse(""),
                    "IN_SYNC"::equals);
        }
        var missingLetter = Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, missing.toString(), 1, WAIT).get(0);
        var unavailableLetter = Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, unavailable.toString(), 1, WAIT)
                .get(0);
        assertThat(SyncBehaviourTest.headers(missingLetter)).containsEntry(DeadLetterHeaders.REASON, "rejected")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "404").containsEntry(DeadLetterHeaders.ATTEMPTS, "1");
        assertThat(SyncBehaviourTest.headers(unavailableLetter)).containsEntry(DeadLetterHeaders.REASON, "exhausted")
                .containsEntry(DeadLetterHeaders.HTTP_STATUS, "503").containsEntry(DeadLetterHeaders.ATTEMPTS, "3");

        List<ServeEvent> batches = Portal.requests("POST", "/api/data/v9.2/$batch").stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(mentors.get(0).toString())
                        || e.getRequest().getBodyAsString().contains(unavailable.toString()))
                .toList();
        // one batch with all 14 mentors, then two more rounds for the part that kept failing with 503
        assertThat(batches).hasSize(3);
        String first = batches.get(0).getRequest().getBodyAsString();
        for (UUID mentor : mentors) {
            assertThat(occurrences(first, mentor.toString())).isEqualTo(1);
            assertThat(Portal.patchCount(mentor)).isZero();
            assertThat(SyncDb.outcomes(pool, mentor)).containsExactlyInAnyOrder("SUPERSEDED", "APPLIED");
            assertThat(SyncDb.state(pool, mentor).orElseThrow().getBoolean("portal_visible")).isTrue();
        }
        assertThat(occurrences(first, "HTTP/1.1")).isEqualTo(14);
        assertThat(occurrences(first, "If-Match: *")).isEqualTo(14);
        assertThat(occurrences(first, "Content-Length: 26")).isEqualTo(12);
        assertThat(occurrences(first, "Content-Length: 27")).isEqualTo(2);
        assertThat(first).contains("{\"hlf_showonwebsite\":true}");
        var request = batches.get(0).getRequest();
        assertThat(request.getHeader("Content-Type")).matches("multipart/mixed; ?boundary=batch_hlf_website_sync");
        assertThat(request.getHeader("Prefer")).isEqualTo("odata.continue-on-error");
        assertThat(request.getHeader("OData-Version")).isEqualTo("4.0");
        assertThat(occurrences(batches.get(1).getRequest().getBodyAsString(), "HTTP/1.1")).isEqualTo(1);
        assertThat(SyncDb.outcomes(pool, missing)).containsExactly("DEAD_LETTERED");
        assertThat(SyncDb.log(pool, unavailable)).singleElement()
                .satisfies(row -> assertThat(row.getInteger("attempt")).isEqualTo(3));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

}
