package org.hlf.mentor.sync;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hlf.mentor.testsupport.SandboxResource;

/**
 * The packaged service (target/quarkus-app) as a real process, for the failsafe ITs that kill it or run two
 * replicas: the JVM's broker, the given database and the sandbox portal; it answers on a free port.
 */
public final class ServiceReplica implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServiceReplica(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a replica and waits until it is ready; {@code options} are extra {@code -D} settings. */
    public static ServiceReplica start(String name, String bootstrap, Map<String, String> db,
            Map<String, String> portal, String... options) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path publicKey = Path.of("..", "test-support", "src", "main", "resources", "jwt", "test-public.pem")
                .toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dquarkus.datasource.jdbc.url=" + db.get("quarkus.datasource.jdbc.url"),
                "-Dquarkus.datasource.reactive.url=" + db.get("quarkus.datasource.reactive.url"),
                "-Dquarkus.datasource.username=" + db.get("quarkus.datasource.username"),
                "-Dhlf.sync.portal.base-url=" + portal.get("hlf.sync.portal.base-url"),
                "-Dquarkus.oidc-client.auth-server-url=" + portal.get("quarkus.oidc-client.auth-server-url"),
                "-Dquarkus.oidc-client.client-id=" + SandboxResource.CLIENT_ID,
                "-Dquarkus.oidc-client.credentials.client-secret.value=" + SandboxResource.CLIENT_SECRET,
                "-Dmp.jwt.verify.publickey.location=file:" + publicKey,
                "-Dmp.jwt.verify.issuer=https://auth.hlf.test",
                "-Dquarkus.log.level=WARN",
                // a killed member must leave the group quickly, or the next one waits for its session to expire
                "-Dmp.messaging.incoming.mentor-status-changed.session.timeout.ms=6000"));
        if (db.containsKey("quarkus.datasource.password")) {
            command.add("-Dquarkus.datasource.password=" + db.get("quarkus.datasource.password"));
        }
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/" + name + ".log")).start();
        ServiceReplica replica = new ServiceReplica(process, port);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return replica;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL, and wait for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
