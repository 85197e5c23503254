package org.hlf.mentor.sandbox.contacts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hlf.mentor.sandbox.SandboxApi.adminContact;
import static org.hlf.mentor.sandbox.SandboxApi.contactPath;
import static org.hlf.mentor.sandbox.SandboxApi.dataApi;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.requestsFor;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class ContactPatchTest {

    private String token;

    @BeforeEach
    void newClient() {
        token = token();
    }

    @Test
    void patchWithIfMatchUpdatesVisibilityAndAnswers204WithODataHeaders() {
        UUID mentorId = seedContact("oslo", "Kari Nordmann", true);

        hide(token, mentorId).then()
                .statusCode(204)
                .header("OData-Version", "4.0")
                .header("OData-EntityId", matchesPattern(".*/api/data/v9\\.2/contacts\\([0-9a-f-]{36}\\)"))
                .header("REQ_ID", matchesPattern("[0-9a-f-]{36}"));

        assertThat(adminContact(mentorId).getBoolean("visible")).isFalse();
        assertThat(adminContact(mentorId).getString("name")).isEqualTo("Kari Nordmann");
    }

    @Test
    void patchWithIfMatchOnMissingContactIs404() {
        UUID missing = UUID.randomUUID();

        hide(token, missing).then()
                .statusCode(404)
                .header("OData-Version", "4.0")
                .body("error.code", equalTo("0x80040217"))
                .body("error.message", containsString("does not exist"));

        given().get("/sandbox/contacts/" + missing).then().statusCode(404);
    }

    @Test
    void patchWithoutIfMatchUpsertsAMissingContact() {
        UUID mentorId = UUID.randomUUID();

        dataApi(token).contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": true, \"fullname\": \"Ny Mentor\", \"hlf_chapterid\": \"bergen\"}")
                .patch(contactPath(mentorId))
                .then().statusCode(204);

        assertThat(adminContact(mentorId).getBoolean("visible")).isTrue();
        assertThat(adminContact(mentorId).getString("name")).isEqualTo("Ny Mentor");
        assertThat(adminContact(mentorId).getString("chapterId")).isEqualTo("bergen");
    }

    @Test
    void patchWithoutIfMatchUpdatesAnExistingContactKeepingItsId() {
        UUID mentorId = seedContact("oslo", "Eksisterende", true);
        String contactId = adminContact(mentorId).getString("contactId");

        dataApi(token).contentType(ContentType.JSON).body("{\"hlf_showonwebsite\": false}")
                .patch(contactPath(mentorId)).then().statusCode(204);

        assertThat(adminContact(mentorId).getString("contactId")).isEqualTo(contactId);
        assertThat(adminContact(mentorId).getBoolean("visible")).isFalse();
    }

    @Test
    void patchWithIfNoneMatchOnExistingContactIs412() {
        UUID mentorId = seedContact();

        dataApi(token).header("If-None-Match", "*").contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": false}")
                .patch(contactPath(mentorId))
                .then().statusCode(412).body("error.code", equalTo("0x80040237"));

        assertThat(adminContact(mentorId).getBoolean("visible")).isTrue();
    }

    @Test
    void patchWithIfNoneMatchCreatesAMissingContact() {
        UUID mentorId = UUID.randomUUID();

        dataApi(token).header("If-None-Match", "*").contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": false}")
                .patch(contactPath(mentorId))
                .then().statusCode(204);

        assertThat(adminContact(mentorId).getBoolean("visible")).isFalse();
    }

    @Test
    void patchWithStaleEtagIs412AndCurrentEtagSucceeds() {
        UUID mentorId = seedContact();
        String etag = dataApi(token).get(contactPath(mentorId)).then().statusCode(200)
                .extract().path("'@odata.etag'");
        hide(token, mentorId).then().statusCode(204);

        dataApi(token).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": true}")
                .patch(contactPath(mentorId))
                .then().statusCode(412).body("error.code", equalTo("0x80060882"));

        String current = dataApi(token).get(contactPath(mentorId)).then().extract().path("'@odata.etag'");
        dataApi(token).header("If-Match", current).contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": true}")
                .patch(contactPath(mentorId))
                .then().statusCode(204);
    }

    @Test
    void patchWithUnknownColumnIs400AndChangesNothing() {
        UUID mentorId = seedContact();

        dataApi(token).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": false, \"hlf_visible\": false}")
                .patch(contactPath(mentorId))
                .then().statusCode(400)
                .header("OData-Version", "4.0")
                .body("error.code", equalTo("0x0"))
                .body("error.message", containsString("'hlf_visible' does not exist"));

        assertThat(adminContact(mentorId).getBoolean("visible")).isTrue();
    }

    @Test
    void patchWithNonBooleanVisibilityIs400() {
        dataApi(token).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": \"no\"}")
                .patch(contactPath(seedContact()))
                .then().statusCode(400).body("error.message", containsString("Edm.Boolean"));
    }

    @Test
    void patchWithMalformedJsonIs400() {
        dataApi(token).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": fal")
                .patch(contactPath(seedContact()))
                .then().statusCode(400).body("error.code", equalTo("0x0"));
    }

    @Test
    void patchWithNonUuidMentorIdIs400() {
        dataApi(token).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": false}")
                .patch("/api/data/v9.2/contacts(hlf_mentorid='mentor-42')")
                .then().statusCode(400).body("error.message", containsString("must be a UUID"));
    }

    @Test
    void patchOnUnknownEntitySetIs404ResourceNotFound() {
        dataApi(token).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"hlf_showonwebsite\": false}")
                .patch("/api/data/v9.2/accounts(hlf_mentorid='" + UUID.randomUUID() + "')")
                .then().statusCode(404).body("error.code", equalTo("0x8006088a"));
    }

    @Test
    void patchWithReturnRepresentationAnswers200WithTheRow() {
        UUID mentorId = seedContact();

        dataApi(token).header("If-Match", "*").header("Prefer", "return=representation")
                .contentType(ContentType.JSON).body("{\"hlf_showonwebsite\": false}")
                .patch(contactPath(mentorId))
                .then().statusCode(200)
                .header("Preference-Applied", "return=representation")
                .body("hlf_showonwebsite", equalTo(false))
                .body("hlf_mentorid", equalTo(mentorId.toString()));
    }

    @Test
    void eachPatchIsLoggedWithTheVisibilityWritten() {
        UUID mentorId = seedContact();
        hide(token, mentorId).then().statusCode(204);
        UUID missing = UUID.randomUUID();
        hide(token, missing).then().statusCode(404);

        List<Map<String, Object>> entries = requestsFor(mentorId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsEntry("method", "PATCH")
                .containsEntry("path", "/api/data/v9.2/contacts(hlf_mentorid='" + mentorId + "')")
                .containsEntry("status", 204)
                .containsEntry("visibility", false);
        assertThat(entries.get(0).get("clientId")).asString().startsWith("test-");
        assertThat(requestsFor(missing)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("status", 404).containsEntry("visibility", null));
    }
}
