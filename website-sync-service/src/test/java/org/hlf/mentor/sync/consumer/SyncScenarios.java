package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.Portal;
import org.hlf.mentor.sync.SyncDb;
import org.hlf.mentor.testsupport.SandboxResource;

/**
 * What the consumer's behaviour tests share: a mentor with a contact in a chapter of its own, its events, its dead
 * letter, and the check of a single successful write.
 */
final class SyncScenarios {

    private SyncScenarios() {
    }

    /** Undoes what a test scripted on the portal: faults, and calls held back. */
    static void clearPortalFaults() {
        Portal.admin().clearFaults();
        Portal.admin().release();
    }

    /** A mentor with a contact in a chapter of its own. */
    static UUID seeded(boolean visible) {
        UUID mentor = UUID.randomUUID();
        Portal.seed(chapterOf(mentor), visible, mentor);
        return mentor;
    }

    static MentorStatusChanged event(UUID mentor, MentorStatus from, MentorStatus to, long version) {
        return Events.event(mentor, chapterOf(mentor), from, to, version);
    }

    static String chapterOf(UUID mentor) {
        return "sync-" + mentor.toString().substring(0, 8);
    }

    /** A chapter no other test uses. */
    static String chapter() {
        return chapterOf(UUID.randomUUID());
    }

    /** The mentor's first record on the dead-letter topic, once it is there. */
    static ConsumerRecord<String, String> deadLetter(UUID mentor) {
        return Events.reader().awaitAtLeast(Topics.WEBSITE_SYNC_DLQ, mentor.toString(), 1, SyncDb.WAIT).get(0);
    }

    /** One successful PATCH of the mentor's contact, by the service's OAuth client, and the portal shows it. */
    static void assertSingleWrite(UUID mentor, boolean visible) {
        assertThat(Portal.writes(mentor)).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("PATCH");
            assertThat(call.path()).endsWith("/api/data/v9.2/contacts(hlf_mentorid='" + mentor + "')");
            assertThat(call.status()).isEqualTo(204);
            assertThat(call.visibility()).isEqualTo(visible);
            assertThat(call.clientId()).isEqualTo(SandboxResource.CLIENT_ID);
        });
        assertThat(Portal.visible(mentor)).isEqualTo(visible);
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
