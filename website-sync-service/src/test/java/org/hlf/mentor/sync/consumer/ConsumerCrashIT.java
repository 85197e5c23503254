package org.hlf.mentor.sync.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hlf.mentor.events.Initiator;
import org.hlf.mentor.events.MentorStatus;
import org.hlf.mentor.events.MentorStatusChanged;
import org.hlf.mentor.events.Topics;
import org.hlf.mentor.sync.Events;
import org.hlf.mentor.sync.ServiceReplica;
import org.hlf.mentor.testsupport.PostgresDatabaseResource;
import org.hlf.mentor.testsupport.SandboxAdmin;
import org.hlf.mentor.testsupport.SandboxRequest;
import org.hlf.mentor.testsupport.SandboxResource;
import org.hlf.mentor.testsupport.SeedContact;
import org.hlf.mentor.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real crash: the packaged service is killed (SIGKILL) while its PATCH to the portal is held at the Dataverse
 * sandbox's gate, so the offset of that record is never committed; after a restart the record is delivered again,
 * applied again, and the final state is right. Runs after {@code package} (failsafe), against the real broker,
 * PostgreSQL and the sandbox as a process (started here, or the one {@code HLF_SANDBOX_URL} names).
 */
class ConsumerCrashIT {

    private final List<ServiceReplica> replicas = new ArrayList<>();
    private SandboxResource sandbox;
    private SandboxAdmin portal;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ServiceReplica replica : replicas) {
            replica.kill();
        }
        if (portal != null) {
            portal.clearFaults();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void recordInFlightWhenTheServiceDiesIsAppliedAfterRestart() throws Exception {
        sandbox = new SandboxResource();
        Map<String, String> portalConfig = sandbox.start();
        portal = new SandboxAdmin(portalConfig.get("hlf.sync.portal.base-url"));
        UUID mentor = UUID.randomUUID();
        String chapter = "crash-" + mentor.toString().substring(0, 8);
        portal.seed(SeedContact.visible(mentor, chapter, "Crash Mentor"));
        // the first PATCH waits at the gate until the service is dead; the one after the restart goes through
        portal.addFault("{\"hold\":true,\"holdMaxMs\":120000,\"count\":1,\"method\":\"PATCH\",\"mentorId\":\""
                + mentor + "\"}");

        var database = new PostgresDatabaseResource();
        database.init(Map.of("database", "website_sync_crash_it"));
        Map<String, String> db = database.start();
        String bootstrap = SharedKafkaBroker.bootstrapServers();

        var event = new MentorStatusChanged(UUID.randomUUID(), mentor, chapter, MentorStatus.ACTIVE,
                MentorStatus.PAUSED, 2, "holiday", new Initiator(Initiator.Type.COORDINATOR, "c-1"), Instant.now(),
                null);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTOR_STATUS_CHANGED, mentor.toString(),
                    Events.json(event))).awaitCompletion();
        }

        ServiceReplica first = start(bootstrap, db, portalConfig);
        await().atMost(Duration.ofSeconds(90)).until(() -> portal.held() == 1);
        first.kill();
        assertThat(state(db, mentor)).as("nothing confirmed before the crash").isNotEqualTo("IN_SYNC");
        assertThat(patches(mentor)).as("the held PATCH has not been answered").isEmpty();
        // open the gate: the sandbox ends a held call whose client hung up (then nothing is released), or lets it run
        // now, answering into a closed connection; either way no one records the answer
        int released = portal.release();
        System.out.printf("[crash-it] the gate released %d call(s) of the killed service%n", released);
        assertThat(released).isBetween(0, 1);
        assertThat(patches(mentor)).hasSize(released);
        assertThat(state(db, mentor)).isNotEqualTo("IN_SYNC");

        Instant restarted = Instant.now();
        start(bootstrap, db, portalConfig);
        await().atMost(Duration.ofSeconds(90)).until(() -> "IN_SYNC".equals(state(db, mentor)));
        List<SandboxRequest> patches = patches(mentor);
        assertThat(patches).as("the redelivered record's PATCH after the restart").hasSize(released + 1)
                .allSatisfy(call -> {
                    assertThat(call.status()).isEqualTo(204);
                    assertThat(call.visibility()).isFalse();
                });
        assertThat(patches.get(patches.size() - 1).time()).isAfter(restarted);
        assertThat(visibility(db, mentor)).isEqualTo("false/false");
        assertThat(portal.contact(mentor).orElseThrow().visible()).isFalse();
    }

    private List<SandboxRequest> patches(UUID mentor) {
        return portal.requests(mentor).stream().filter(r -> "PATCH".equals(r.method())).toList();
    }

    private ServiceReplica start(String bootstrap, Map<String, String> db, Map<String, String> portalConfig)
            throws Exception {
        // the held PATCH must still be waiting when the service is killed, not timed out and retried
        ServiceReplica replica = ServiceReplica.start("crash-it-" + replicas.size(), bootstrap, db, portalConfig,
                "-Dquarkus.fault-tolerance.\"org.hlf.mentor.sync.portal.PortalClient\".timeout.value=120000");
        replicas.add(replica);
        return replica;
    }

    private static String state(Map<String, String> db, UUID mentor) throws Exception {
        return query(db, "SELECT state FROM sync_state WHERE mentor_id = ?", mentor);
    }

    private static String visibility(Map<String, String> db, UUID mentor) throws Exception {
        return query(db, "SELECT desired_visible || '/' || portal_visible FROM sync_state WHERE mentor_id = ?", mentor);
    }

    private static String query(Map<String, String> db, String sql, UUID mentor) throws Exception {
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.getOrDefault("quarkus.datasource.password", ""));
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, mentor);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (org.postgresql.util.PSQLException e) {
            // the table appears with the service's first migration
            return null;
        }
    }
}
