package org.hlf.mentor.sandbox.requestlog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.requestsFor;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.setVisibility;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class RequestLogApiTest {

    @Test
    void logFiltersByMentorAndRecordsEveryCallInOrder() {
        String token = token();
        UUID mentorId = seedContact();
        UUID other = seedContact();
        hide(token, mentorId).then().statusCode(204);
        hide(token, other).then().statusCode(204);
        setVisibility(token, mentorId, true).then().statusCode(204);
        hide("expired-or-unknown", mentorId).then().statusCode(401);

        List<Map<String, Object>> entries = requestsFor(mentorId);

        assertThat(entries).extracting(entry -> entry.get("status") + " " + entry.get("visibility"))
                .containsExactly("204 false", "204 true", "401 null");
        assertThat(entries.get(2)).containsEntry("clientId", null);
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsKeys("receivedAt", "time", "seq", "requestId", "path"));
    }

    @Test
    void deleteEmptiesTheLog() {
        UUID mentorId = seedContact();
        hide(token(), mentorId).then().statusCode(204);

        given().delete("/sandbox/requests").then().statusCode(204);

        assertThat(requestsFor(mentorId)).isEmpty();
        assertThat(given().get("/sandbox/requests").then().statusCode(200).extract().jsonPath().getList("$"))
                .isEmpty();
    }

    @Test
    void malformedMentorFilterIsAProblem400() {
        given().queryParam("mentorId", "nope").get("/sandbox/requests")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
