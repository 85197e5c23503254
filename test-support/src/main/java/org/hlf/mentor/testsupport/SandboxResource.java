package org.hlf.mentor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Points the application under test at the Dataverse sandbox: the packaged sandbox started as a process on a
 * free port (build it first with {@code ./mvnw -pl dataverse-sandbox package -DskipTests}), or the one
 * {@code HLF_SANDBOX_URL} names. Registers the OAuth client {@value #CLIENT_ID} / {@value #CLIENT_SECRET},
 * sets {@code hlf.sync.portal.base-url} and the token URL, and publishes the URL in the system property
 * {@value #URL_PROPERTY} for {@link SandboxAdmin#fromSystemProperty()}. Service protection limits start
 * switched off; a test that wants them sets them with {@link SandboxAdmin#limits(String)}.
 *
 * <p>A sandbox named by {@code HLF_SANDBOX_URL} is shared, not owned: it is left running, but registering the
 * client gives {@value #CLIENT_ID} the test secret there too (a local run's sync service then needs a restart).
 */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "hlf.test.sandbox.url";
    public static final String URL_ENV = "HLF_SANDBOX_URL";
    public static final String CLIENT_ID = "website-sync";
    public static final String CLIENT_SECRET = "test-secret";
    public static final String TENANT = "test-tenant";

    private final UnaryOperator<String> environment;
    private SandboxProcess process;

    public SandboxResource() {
        this(System::getenv);
    }

    /** @param environment reads environment variables; tests of this class pass their own */
    SandboxResource(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Map<String, String> start() {
        String url = runningSandbox();
        if (url == null) {
            process = SandboxProcess.start(Path.of(System.getProperty("user.dir")));
            url = process.url();
        }
        new SandboxAdmin(url).registerClient(CLIENT_ID, CLIENT_SECRET);
        System.setProperty(URL_PROPERTY, url);
        return Map.of(
                "hlf.sync.portal.base-url", url,
                "quarkus.oidc-client.auth-server-url", url + "/" + TENANT + "/oauth2/v2.0/token");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
        System.clearProperty(URL_PROPERTY);
    }

    /** The sandbox {@value #URL_ENV} names, checked to answer; null when the variable is not set. */
    private String runningSandbox() {
        String url = environment.apply(URL_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        url = url.strip().replaceAll("/+$", "");
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            int status = HttpClient.newHttpClient().send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(URL_ENV + "=" + url + " is not ready: /q/health/ready answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(URL_ENV + "=" + url + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking " + url, e);
        }
        System.out.printf("[test-sandbox] Using the running Dataverse sandbox at %s (%s)%n", url, URL_ENV);
        return url;
    }
}
