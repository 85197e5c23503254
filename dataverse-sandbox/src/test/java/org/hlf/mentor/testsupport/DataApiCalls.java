package org.hlf.mentor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The data calls a website sync makes, done by hand against a sandbox process: token, PATCH, GET. */
final class DataApiCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final String baseUrl;

    DataApiCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> requestToken(String tokenUrl) {
        return send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + SandboxResource.CLIENT_ID + "&client_secret=" + SandboxResource.CLIENT_SECRET
                        + "&scope=" + baseUrl + "/.default")));
    }

    String token() {
        HttpResponse<String> response = requestToken(baseUrl + "/" + SandboxResource.TENANT + "/oauth2/v2.0/token");
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }

    CompletableFuture<HttpResponse<String>> hideLater(String token, UUID mentorId) {
        return HTTP.sendAsync(hide(token, mentorId).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> hideNow(String token, UUID mentorId) {
        return send(hide(token, mentorId));
    }

    HttpResponse<String> get(String token, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET()
                .header("Authorization", "Bearer " + token));
    }

    private HttpRequest.Builder hide(String token, UUID mentorId) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/data/v9.2/contacts(hlf_mentorid='" + mentorId + "')"))
                .header("Authorization", "Bearer " + token)
                .header("If-Match", "*")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"hlf_showonwebsite\": false}"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
