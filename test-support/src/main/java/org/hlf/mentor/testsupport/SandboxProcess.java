package org.hlf.mentor.testsupport;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged Dataverse sandbox ({@code dataverse-sandbox/target/quarkus-app/quarkus-run.jar}) running as a
 * child process on a free loopback port, with its output appended to the calling module's
 * {@code target/sandbox.log}.
 */
final class SandboxProcess {

    static final String JAR = "dataverse-sandbox/target/quarkus-app/quarkus-run.jar";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final String url;
    private final Thread killOnExit;

    private SandboxProcess(Process process, String url) {
        this.process = process;
        this.url = url;
        // a test JVM that dies without stopping its resources must not leave a sandbox behind
        this.killOnExit = new Thread(() -> kill(process));
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts the sandbox and waits until it is ready; fails with its log when it does not come up. */
    static SandboxProcess start(Path workingDirectory) {
        Path jar = repositoryRoot(workingDirectory).resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Dataverse sandbox is not built (" + jar + " is missing); "
                    + "build it first: ./mvnw -pl dataverse-sandbox package -DskipTests");
        }
        Path log = workingDirectory.resolve("target").resolve("sandbox.log");
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            int port = freePort();
            long logOffset = appendHeader(log, port);
            Process process = launch(jar, port, log);
            SandboxProcess sandbox = new SandboxProcess(process, "http://127.0.0.1:" + port);
            try {
                sandbox.awaitReady();
                System.out.printf("[test-sandbox] Started the Dataverse sandbox at %s in %d ms (log: %s)%n",
                        sandbox.url, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), log);
                return sandbox;
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                sandbox.stop();
                String output = tail(log, logOffset);
                // another process may take the free port between our probe and the sandbox binding it
                if (attempt < ATTEMPTS && output.contains("already in use")) {
                    continue;
                }
                throw new IllegalStateException("The Dataverse sandbox (" + jar + ") did not become ready on port "
                        + port + " within " + READY_TIMEOUT.toSeconds() + " s; its output:\n" + output, e);
            }
        }
    }

    String url() {
        return url;
    }

    /** Stops the sandbox and whatever it started, and waits until they are gone. */
    void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill(process);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway and finds the process gone
        }
    }

    private void awaitReady() {
        await("the Dataverse sandbox at " + url + " to be ready")
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .failFast("the Dataverse sandbox process exited", () -> !process.isAlive())
                .until(this::ready);
    }

    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Process launch(Path jar, int port, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                // tests drive the limits through the admin API when they want them
                "-Dsandbox.limits.enabled=false",
                "-jar", jar.toString())
                .directory(jar.getParent().getParent().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", builder.command()), e);
        }
    }

    static Path repositoryRoot(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("dataverse-sandbox/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory containing dataverse-sandbox/pom.xml above " + from
                + ": the sandbox resource runs inside the HLF repository");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** @return the log's length before the header, where this start's output begins */
    private static long appendHeader(Path log, int port) {
        try {
            Files.createDirectories(log.getParent());
            long offset = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "=== " + Instant.now() + " starting the Dataverse sandbox on port " + port + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return offset;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + log, e);
        }
    }

    private static String tail(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            String output = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            return output.length() > 8000 ? output.substring(output.length() - 8000) : output;
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
