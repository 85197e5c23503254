package org.hlf.mentor.sync.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import org.hlf.mentor.testsupport.PostgresDatabaseResource;
import org.hlf.mentor.testsupport.SharedKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real crash: the packaged service is killed (SIGKILL) while its PATCH to the portal is in flight, so the offset
 * of that record is never committed; after a restart the record is delivered again, applied again, and the final
 * state is right. Runs after {@code package} (failsafe), against the real broker and PostgreSQL.
 */
class ConsumerCrashIT {

    private static final String TOKEN_PATH = "/crash-tenant/oauth2/v2.0/token";

    private final List<Process> processes = new ArrayList<>();
    private WireMockServer portal;

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void recordInFlightWhenTheServiceDiesIsAppliedAfterRestart() throws Exception {
        portal = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        portal.start();
        portal.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"crash-token\"}")));
        UUID mentor = UUID.randomUUID();
        String contact = "/api/data/v9.2/contacts(hlf_mentorid='" + mentor + "')";
        // the first PATCH hangs long enough to kill the service mid-flight; the one after the restart answers
        portal.stubFor(patch(urlEqualTo(contact)).inScenario("crash").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(204).withFixedDelay(8_000)).willSetStateTo("restarted"));
        portal.stubFor(patch(urlEqualTo(contact)).inScenario("crash").whenScenarioStateIs("restarted")
                .willReturn(aResponse().withStatus(204)));

        var database = new PostgresDatabaseResource();
        database.init(Map.of("database", "website_sync_crash_it"));
        Map<String, String> db = database.start();
        String bootstrap = SharedKafkaBroker.bootstrapServers();

        var event = new MentorStatusChanged(UUID.randomUUID(), mentor, "oslo", MentorStatus.ACTIVE,
                MentorStatus.PAUSED, 2, "holiday", new Initiator(Initiator.Type.COORDINATOR, "c-1"), Instant.now(),
                null);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTOR_STATUS_CHANGED, mentor.toString(),
                    Events.json(event))).awaitCompletion();
        }

        Process first = start(bootstrap, db);
        await().atMost(Duration.ofSeconds(90)).until(() -> patches(contact) == 1);
        first.destroyForcibly().waitFor();
        assertThat(state(db, mentor)).as("nothing confirmed before the crash").isNotEqualTo("IN_SYNC");

        start(bootstrap, db);
        await().atMost(Duration.ofSeconds(90)).until(() -> "IN_SYNC".equals(state(db, mentor)));
        assertThat(patches(contact)).isEqualTo(2);
        assertThat(visibility(db, mentor)).isEqualTo("false/false");
    }

    private Process start(String bootstrap, Map<String, String> db) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + portal.port();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path publicKey = Path.of("..", "test-support", "src", "main", "resources", "jwt", "test-public.pem")
                .toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dquarkus.datasource.jdbc.url=" + db.get("quarkus.datasource.jdbc.url"),
                "-Dquarkus.datasource.reactive.url=" + db.get("quarkus.datasource.reactive.url"),
                "-Dquarkus.datasource.username=" + db.get("quarkus.datasource.username"),
                "-Dhlf.sync.portal.base-url=" + base,
                "-Dquarkus.oidc-client.auth-server-url=" + base + TOKEN_PATH,
                "-Dquarkus.oidc-client.credentials.client-secret.value=crash-secret",
                "-Dmp.jwt.verify.publickey.location=file:" + publicKey,
                "-Dquarkus.log.level=WARN",
                // a killed member must leave the group quickly, or the restart waits for its session to expire
                "-Dmp.messaging.incoming.mentor-status-changed.session.timeout.ms=6000",
                "-jar", "target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/crash-it-" + processes.size() + ".log")).start();
        processes.add(process);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return process;
    }

    private int patches(String contact) {
        return portal.countRequestsMatching(patchRequestedFor(urlEqualTo(contact)).build()).getCount();
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
