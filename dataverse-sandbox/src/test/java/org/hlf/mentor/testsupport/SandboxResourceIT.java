package org.hlf.mentor.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource other modules' tests use, against this module's packaged jar (run by failsafe after package). */
class SandboxResourceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SandboxResource resource;

    @AfterEach
    void stopIfStarted() {
        if (resource != null) {
            resource.stop();
        }
    }

    @Test
    void startsThePackagedSandboxAndStopsIt() throws Exception {
        resource = new SandboxResource(name -> null);

        Map<String, String> config = resource.start();

        String url = System.getProperty(SandboxResource.URL_PROPERTY);
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(config).containsOnly(
                Map.entry("hlf.sync.portal.base-url", url),
                Map.entry("quarkus.oidc-client.auth-server-url", url + "/test-tenant/oauth2/v2.0/token"));
        assertThat(status(url + "/q/health/ready")).isEqualTo(200);
        assertThat(new DataApiCalls(url).requestToken(config.get("quarkus.oidc-client.auth-server-url")).statusCode())
                .as("the registered client website-sync / test-secret gets a token").isEqualTo(200);
        assertThat(Files.readString(Path.of("target", "sandbox.log"))).contains("Listening on: " + url);

        resource.stop();
        resource = null;

        assertThatThrownBy(() -> status(url + "/q/health/ready")).isInstanceOf(ConnectException.class);
        assertThat(System.getProperty(SandboxResource.URL_PROPERTY)).isNull();
    }

    @Test
    void usesTheSandboxThatHlfSandboxUrlNamesAndLeavesItRunning() throws Exception {
        resource = new SandboxResource(name -> null);
        String url = resource.start().get("hlf.sync.portal.base-url");
        long children = ProcessHandle.current().children().count();
        SandboxResource shared = new SandboxResource(name -> name.equals(SandboxResource.URL_ENV) ? url + "/" : null);

        Map<String, String> config = shared.start();
        shared.stop();

        assertThat(config).containsEntry("hlf.sync.portal.base-url", url);
        assertThat(ProcessHandle.current().children().count()).isEqualTo(children);
        assertThat(status(url + "/q/health/ready")).isEqualTo(200);
    }

    @Test
    void namesTheBuildCommandWhenTheJarIsMissing(@TempDir Path checkout) throws IOException {
        Files.createDirectories(checkout.resolve("dataverse-sandbox"));
        Files.writeString(checkout.resolve("dataverse-sandbox/pom.xml"), "<project/>");
        Path module = Files.createDirectories(checkout.resolve("website-sync-service"));

        assertThatThrownBy(() -> SandboxProcess.start(module))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build it first: ./mvnw -pl dataverse-sandbox package -DskipTests");
    }

    @Test
    void refusesToRunOutsideTheRepository(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> SandboxProcess.start(elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataverse-sandbox/pom.xml");
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
