package org.hlf.mentor.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A typed client for the Dataverse sandbox's admin API ({@code /sandbox/*}), for tests that set the portal up,
 * inject faults and check what a service sent. Every call fails with {@link IllegalStateException} carrying the
 * sandbox's problem document when the sandbox refuses it, so a mistyped fault rule fails the test at once.
 */
public final class SandboxAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            // the sandbox may grow fields; a test client must not break on them
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param baseUrl the sandbox's root, e.g. {@code http://127.0.0.1:8090} */
    public SandboxAdmin(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The sandbox a {@link SandboxResource} started or found, through {@value SandboxResource#URL_PROPERTY}. */
    public static SandboxAdmin fromSystemProperty() {
        String url = System.getProperty(SandboxResource.URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("System property " + SandboxResource.URL_PROPERTY + " is not set: "
                    + "annotate the test with @QuarkusTestResource(SandboxResource.class)");
        }
        return new SandboxAdmin(url);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Registers an OAuth client, or gives an existing one a new secret. */
    public void registerClient(String clientId, String clientSecret) {
        send("POST", "/sandbox/clients", Map.of("clientId", clientId, "clientSecret", clientSecret), 200, 201);
    }

    /** Creates or updates the contacts, all or none. */
    public void seed(List<SeedContact> contacts) {
        send("POST", "/sandbox/contacts", contacts, 200);
    }

    public void seed(SeedContact... contacts) {
        seed(Arrays.asList(contacts));
    }

    public Optional<SandboxContact> contact(UUID mentorId) {
        HttpResponse<String> response = send("GET", "/sandbox/contacts/" + mentorId, null, 200, 404);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(response, SandboxContact.class));
    }

    /** @return false when there was no such contact */
    public boolean removeContact(UUID mentorId) {
        return send("DELETE", "/sandbox/contacts/" + mentorId, null, 204, 404).statusCode() == 204;
    }

    /** Replaces the fault rules with one rule (a JSON object) or a script of rules (a JSON array). */
    public void faults(String json) {
        send("PUT", "/sandbox/faults", new RawJson(json), 200);
    }

    /** Adds one rule after the ones in force. */
    public void addFault(String json) {
        send("POST", "/sandbox/faults", new RawJson(json), 200);
    }

    /** Ends every rule; calls held by a {@code hold} rule go on. */
    public void clearFaults() {
        send("DELETE", "/sandbox/faults", null, 204);
    }

    /** Calls waiting at a {@code "hold": true} rule's gate now; await this before changing what they will see. */
    public int held() {
        JsonNode rules = readTree(send("GET", "/sandbox/faults", null, 200));
        int held = 0;
        for (JsonNode rule : rules) {
            held += rule.path("held").asInt();
        }
        return held;
    }

    /** Lets every held call go on; they have run against the store when this returns. @return how many */
    public int release() {
        return readTree(send("POST", "/sandbox/faults/release", null, 200)).path("released").asInt();
    }

    public List<SandboxRequest> requests(UUID mentorId) {
        return requestLog("?mentorId=" + URLEncoder.encode(mentorId.toString(), StandardCharsets.UTF_8));
    }

    public List<SandboxRequest> requests() {
        return requestLog("");
    }

    public void clearRequests() {
        send("DELETE", "/sandbox/requests", null, 204);
    }

    /** Changes some service protection limits, e.g. {@code {"requestsPerWindow": 2, "windowSeconds": 60}}. */
    public void limits(String json) {
        send("PUT", "/sandbox/limits", new RawJson(json), 200);
    }

    /** Back to the limits the sandbox was started with. */
    public void resetLimits() {
        send("DELETE", "/sandbox/limits", null, 200);
    }

    /** Invalidates every issued token, so clients must fetch a new one. */
    public void revokeTokens() {
        send("DELETE", "/sandbox/tokens", null, 204);
    }

    /** Lifetime of tokens issued from now on. */
    public void tokenLifetime(int seconds) {
        send("PUT", "/sandbox/tokens", Map.of("lifetimeSeconds", seconds), 200);
    }

    private List<SandboxRequest> requestLog(String query) {
        return read(send("GET", "/sandbox/requests" + query, null, 200), new TypeReference<>() {
        });
    }

    private HttpResponse<String> send(String method, String path, Object body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox at " + baseUrl + " did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
        if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static String json(Object body) {
        if (body instanceof RawJson raw) {
            return raw.json();
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body + " as JSON", e);
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unexpected answer from the sandbox: " + response.body(), e);
        }
    }

    private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unexpected answer from the sandbox: " + response.body(), e);
        }
    }

    private static JsonNode readTree(HttpResponse<String> response) {
        return read(response, JsonNode.class);
    }

    /** A body the caller already wrote as JSON, e.g. a fault rule. */
    private record RawJson(String json) {
    }
}
