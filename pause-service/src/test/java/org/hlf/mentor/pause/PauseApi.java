package org.hlf.mentor.pause;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.testsupport.TestTokens;

/** The coordinator API as tests call it, with real signed tokens. */
public final class PauseApi {

    public static final String BASE = "/api/v1/pause-management/";

    private PauseApi() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Registers a mentor as admin; certified for a year unless {@code validUntil} says otherwise. */
    public static UUID register(String chapter, LocalDate validUntil) {
        UUID id = UUID.randomUUID();
        register(id, chapter, validUntil).then().statusCode(201);
        return id;
    }

    public static UUID registerCertified(String chapter) {
        return register(chapter, LocalDate.now().plusYears(1));
    }

    public static Response register(UUID id, String chapter, LocalDate validUntil) {
        Map<String, Object> body = validUntil == null ? Map.of("chapterId", chapter)
                : Map.of("chapterId", chapter, "certificationValidUntil", validUntil.toString());
        return as(TestTokens.admin()).body(body).put("/api/v1/mentors/" + id);
    }

    public static Response pause(String token, UUID id, String reason) {
        return as(token).body(Map.of("reason", reason)).post(BASE + id + "/activate");
    }

    public static Response pause(UUID id) {
        return pause(TestTokens.admin(), id, "holiday");
    }

    public static Response lift(String token, UUID id) {
        return as(token).post(BASE + id + "/lift");
    }

    public static Response lift(UUID id) {
        return lift(TestTokens.admin(), id);
    }

    public static Response expire(UUID id) {
        return as(TestTokens.system()).post(BASE + id + "/auto-expire");
    }

    public static Response status(UUID id) {
        return as(TestTokens.admin()).get(BASE + id + "/status");
    }
}
