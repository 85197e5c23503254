package org.hlf.mentor.sandbox.query;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.sandbox.SandboxApi.anonymous;
import static org.hlf.mentor.sandbox.SandboxApi.clearFaults;
import static org.hlf.mentor.sandbox.SandboxApi.newClient;
import static org.hlf.mentor.sandbox.SandboxApi.putFault;
import static org.hlf.mentor.sandbox.SandboxApi.putLimits;
import static org.hlf.mentor.sandbox.SandboxApi.requestsOf;
import static org.hlf.mentor.sandbox.SandboxApi.restoreLimits;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;
import static org.hlf.mentor.sandbox.query.CollectionPages.COLLECTION;
import static org.hlf.mentor.sandbox.query.CollectionPages.first;
import static org.hlf.mentor.sandbox.query.CollectionPages.follow;
import static org.hlf.mentor.sandbox.query.CollectionPages.readAll;

/** A collection read is a data call like any other: bearer token, limits per page, faults, request log. */
@QuarkusTest
class ContactCollectionGatewayTest {

    private String clientId;
    private String token;
    private String chapter;

    @BeforeEach
    void newClientAndChapter() {
        clientId = newClient();
        token = token(clientId);
        chapter = "g-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            seedContact(chapter, "Mentor " + i, true);
        }
    }

    @AfterEach
    void restore() {
        clearFaults();
        restoreLimits();
    }

    @Test
    void readWithoutTokenIs401() {
        anonymous().get(COLLECTION).then().statusCode(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void everyPageIsOneLoggedRequest() {
        readAll(token, "odata.maxpagesize=1", Map.of("$filter", filter()), new ArrayList<>());

        List<Map<String, Object>> log = requestsOf(clientId).stream()
                .filter(entry -> !((String) entry.get("path")).endsWith("/token")).toList();
        assertThat(log).hasSize(3).allSatisfy(entry -> assertThat(entry)
                .containsEntry("method", "GET")
                .containsEntry("path", COLLECTION)
                .containsEntry("mentorId", null)
                .containsEntry("status", 200));
    }

    @Test
    void everyPageCountsAgainstTheRequestLimit() {
        putLimits("{\"requestsPerWindow\": 2, \"windowSeconds\": 60}");
        Response firstPage = first(token, "odata.maxpagesize=1", Map.of("$filter", filter()));
        String second = follow(firstPage.jsonPath().getString("'@odata.nextLink'"), token, "odata.maxpagesize=1").nextLink();

        CollectionPages.Page third = follow(second, token, "odata.maxpagesize=1");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isPresent();
        assertThat(third.json().getString("error.code")).isEqualTo("0x80072322");
    }

    @Test
    void faultAimedAtAMentorSparesTheCollectionRead() {
        putFault("{\"status\": 503, \"mentorId\": \"" + UUID.randomUUID() + "\"}");

        first(token, null, Map.of("$filter", filter())).then().statusCode(200);
    }

    @Test
    void untargetedFaultFailsTheCollectionRead() {
        putFault("{\"status\": 503, \"count\": 1, \"method\": \"GET\"}");

        first(token, null, Map.of("$filter", filter())).then().statusCode(503)
                .body("error.code", equalTo("0x80040216"));
        first(token, null, Map.of("$filter", filter())).then().statusCode(200);
    }

    private String filter() {
        return "hlf_chapterid eq '" + chapter + "'";
    }
}
