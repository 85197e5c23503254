package org.hlf.mentor.sandbox.contacts;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hlf.mentor.sandbox.SandboxApi.adminContact;
import static org.hlf.mentor.sandbox.SandboxApi.contactPath;
import static org.hlf.mentor.sandbox.SandboxApi.dataApi;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class ContactGetTest {

    private String token;

    @BeforeEach
    void newClient() {
        token = token();
    }

    @Test
    void getWithSelectReturnsTheSelectedColumnPlusContactId() {
        UUID mentorId = seedContact();
        hide(token, mentorId).then().statusCode(204);

        Map<String, Object> row = dataApi(token).queryParam("$select", "hlf_showonwebsite")
                .get(contactPath(mentorId))
                .then().statusCode(200)
                .header("OData-Version", "4.0")
                .contentType(startsWith("application/json"))
                .body("'@odata.context'", endsWith("/api/data/v9.2/$metadata#contacts(hlf_showonwebsite)/$entity"))
                .extract().jsonPath().getMap("$");

        assertThat(row).containsOnlyKeys("@odata.context", "@odata.etag", "hlf_showonwebsite", "contactid")
                .containsEntry("hlf_showonwebsite", false)
                .containsEntry("contactid", adminContact(mentorId).getString("contactId"));
    }

    @Test
    void getWithoutSelectReturnsAllColumns() {
        UUID mentorId = seedContact("trondheim", "Per Hansen", true);

        dataApi(token).get(contactPath(mentorId)).then().statusCode(200)
                .body("hlf_mentorid", equalTo(mentorId.toString()))
                .body("hlf_showonwebsite", equalTo(true))
                .body("fullname", equalTo("Per Hansen"))
                .body("hlf_chapterid", equalTo("trondheim"));
    }

    @Test
    void getMissingContactIs404() {
        dataApi(token).queryParam("$select", "hlf_showonwebsite")
                .get(contactPath(UUID.randomUUID()))
                .then().statusCode(404).body("error.code", equalTo("0x80040217"));
    }

    @Test
    void getWithUnknownSelectColumnIs400() {
        dataApi(token).queryParam("$select", "hlf_showonwebsite,Name")
                .get(contactPath(seedContact()))
                .then().statusCode(400)
                .body("error.message", containsString("Could not find a property named 'Name'"));
    }
}
