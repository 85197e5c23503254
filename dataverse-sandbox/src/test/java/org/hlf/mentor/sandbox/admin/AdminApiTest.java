package org.hlf.mentor.sandbox.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hlf.mentor.sandbox.SandboxApi.SECRET;
import static org.hlf.mentor.sandbox.SandboxApi.requestToken;

@QuarkusTest
class AdminApiTest {

    @Test
    void bulkUpsertCountsCreatedAndUpdated() {
        UUID existing = UUID.randomUUID();
        post(List.of(contact(existing, "oslo", "Før", true))).then().statusCode(200);

        post(List.of(contact(existing, "bergen", "Etter", false), contact(UUID.randomUUID(), "oslo", "Ny", true)))
                .then().statusCode(200)
                .body("received", equalTo(2))
                .body("created", equalTo(1))
                .body("updated", equalTo(1));

        given().get("/sandbox/contacts/" + existing).then().statusCode(200)
                .body("mentorId", equalTo(existing.toString()))
                .body("chapterId", equalTo("bergen"))
                .body("name", equalTo("Etter"))
                .body("visible", equalTo(false));
    }

    @Test
    void bulkUpsertWithOneInvalidEntryWritesNothing() {
        UUID good = UUID.randomUUID();

        post(List.of(contact(good, "oslo", "Grei", true), contact(UUID.randomUUID(), "Not A Slug", "Feil", true)))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", equalTo(List.of("[1] chapterId must match [a-z0-9-]{1,64}")));

        given().get("/sandbox/contacts/" + good).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bulkUpsertTakesAHundredThousandContacts() {
        List<Map<String, Object>> many = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            // hidden, so the other tests' public listings stay small
            many.add(contact(UUID.randomUUID(), "bulk-" + (i % 40), "Mentor " + i, false));
        }

        post(many).then().statusCode(200).body("created", equalTo(100_000));

        given().get("/sandbox/contacts/" + many.get(99_999).get("mentorId")).then().statusCode(200)
                .body("name", equalTo("Mentor 99999"));
    }

    @Test
    void malformedJsonIsAProblem400() {
        given().contentType(ContentType.JSON).body("[{\"mentorId\": ")
                .post("/sandbox/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("detail", startsWith("The body is not the JSON"));
    }

    @Test
    void unknownFieldIsAProblem400() {
        given().contentType(ContentType.JSON).body("[{\"mentorId\": \"" + UUID.randomUUID() + "\", \"chapter\": \"oslo\"}]")
                .post("/sandbox/contacts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownContactIs404AndMalformedIdIs400() {
        given().get("/sandbox/contacts/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/sandbox/contacts/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void deletedContactIsGone() {
        UUID mentorId = UUID.randomUUID();
        post(List.of(contact(mentorId, "oslo", "Borte", true))).then().statusCode(200);

        given().delete("/sandbox/contacts/" + mentorId).then().statusCode(204);

        given().get("/sandbox/contacts/" + mentorId).then().statusCode(404);
    }

    @Test
    void registeringAClientTwiceReplacesItsSecret() {
        String clientId = "rotating-" + UUID.randomUUID();
        register(clientId, "old").then().statusCode(201).body("clientId", equalTo(clientId));

        register(clientId, SECRET).then().statusCode(200);

        requestToken(clientId, "old").then().statusCode(401);
        requestToken(clientId, SECRET).then().statusCode(200);
    }

    @Test
    void clientWithoutSecretIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("clientId", "no-secret"))
                .post("/sandbox/clients")
                .then().statusCode(400).body("detail", equalTo("clientSecret is required"));
    }

    @Test
    void tokenLifetimeCanBeReadAndMustBePositive() {
        given().get("/sandbox/tokens").then().statusCode(200).body("lifetimeSeconds", equalTo(3600));
        given().contentType(ContentType.JSON).body(Map.of("lifetimeSeconds", 0))
                .put("/sandbox/tokens")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("dynamics-sandbox"));
    }

    private static io.restassured.response.Response post(List<Map<String, Object>> contacts) {
        return given().contentType(ContentType.JSON).body(contacts).post("/sandbox/contacts");
    }

    private static io.restassured.response.Response register(String clientId, String secret) {
        return given().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "clientSecret", secret))
                .post("/sandbox/clients");
    }

    private static Map<String, Object> contact(UUID mentorId, String chapterId, String name, boolean visible) {
        return Map.of("mentorId", mentorId.toString(), "chapterId", chapterId, "name", name, "visible", visible);
    }
}
