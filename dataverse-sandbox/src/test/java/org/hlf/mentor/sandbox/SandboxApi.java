package org.hlf.mentor.sandbox;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * HTTP helpers the tests share. Every test registers its own OAuth client and uses fresh mentor ids, so
 * limits, request-log counts and contacts of one test never leak into another.
 */
public final class SandboxApi {

    public static final String SCOPE = "https://hlf-sandbox.crm4.dynamics.com/.default";
    public static final String SECRET = "test-secret";

    /** $batch bodies are text; rest-assured has no encoder for multipart/mixed unless told so. */
    private static final RestAssuredConfig BATCH_AS_TEXT = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("multipart/mixed", ContentType.TEXT)
            .defaultCharsetForContentType("UTF-8", "multipart/mixed"));

    private SandboxApi() {
    }

    /** A request without credentials that can still carry a $batch body. */
    public static RequestSpecification anonymous() {
        return given().config(BATCH_AS_TEXT);
    }

    public static String newClient() {
        String clientId = "test-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "clientSecret", SECRET))
                .post("/sandbox/clients")
                .then().statusCode(201);
        return clientId;
    }

    public static Response requestToken(String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .formParam("scope", SCOPE)
                .post("/hlf-tenant/oauth2/v2.0/token");
    }

    public static String token(String clientId) {
        return requestToken(clientId, SECRET).then().statusCode(200).extract().path("access_token");
    }

    /** A token of a fresh client: enough for tests that do not care who calls. */
    public static String token() {
        return token(newClient());
    }

    public static UUID seedContact(String chapterId, String name, boolean visible) {
        UUID mentorId = UUID.randomUUID();
        seedContact(mentorId, chapterId, name, visible);
        return mentorId;
    }

    public static void seedContact(UUID mentorId, String chapterId, String name, boolean visible) {
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("mentorId", mentorId.toString(), "chapterId", chapterId, "name", name,
                        "visible", visible)))
                .post("/sandbox/contacts")
                .then().statusCode(200);
    }

    public static UUID seedContact() {
        return seedContact("oslo", "Test Mentor", true);
    }

    public static String contactPath(UUID mentorId) {
        return "/api/data/v9.2/contacts(hlf_mentorid='" + mentorId + "')";
    }

    public static RequestSpecification dataApi(String token) {
        return anonymous().header("Authorization", "Bearer " + token)
                .header("OData-Version", "4.0")
                .header("OData-MaxVersion", "4.0")
                .accept("application/json");
    }

    /** The website sync's call: update-only, so a missing contact is 404 and never created. */
    public static Response hide(String token, UUID mentorId) {
        return setVisibility(token, mentorId, false);
    }

    public static Response setVisibility(String token, UUID mentorId, boolean visible) {
        return dataApi(token).header("If-Match", "*")
                .contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": " + visible + "}")
                .patch(contactPath(mentorId));
    }

    public static JsonPath adminContact(UUID mentorId) {
        return given().get("/sandbox/contacts/" + mentorId).then().statusCode(200).extract().jsonPath();
    }

    public static List<Map<String, Object>> requestsFor(UUID mentorId) {
        return given().queryParam("mentorId", mentorId.toString())
                .get("/sandbox/requests")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static List<Map<String, Object>> requestsOf(String clientId) {
        return given().queryParam("clientId", clientId)
                .get("/sandbox/requests")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static void clearFaults() {
        given().delete("/sandbox/faults").then().statusCode(204);
    }

    public static void putFault(String json) {
        given().contentType(ContentType.JSON).body(json).put("/sandbox/faults").then().statusCode(200);
    }

    public static void addFault(String json) {
        given().contentType(ContentType.JSON).body(json).post("/sandbox/faults").then().statusCode(200);
    }

    /** Calls waiting at a hold gate now, summed over the rules listed. */
    public static int heldCalls() {
        return given().get("/sandbox/faults").then().statusCode(200).extract().jsonPath()
                .getList("held", Integer.class).stream().mapToInt(Integer::intValue).sum();
    }

    /** @return how many held calls were let go; they have run when this returns */
    public static int releaseHeld() {
        return given().post("/sandbox/faults/release").then().statusCode(200).extract().path("released");
    }

    public static void putLimits(String json) {
        given().contentType(ContentType.JSON).body(json).put("/sandbox/limits").then().statusCode(200);
    }

    public static void restoreLimits() {
        given().delete("/sandbox/limits").then().statusCode(200);
    }
}
