package org.hlf.mentor.sandbox.query;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.sandbox.SandboxApi.adminContact;
import static org.hlf.mentor.sandbox.SandboxApi.contactPath;
import static org.hlf.mentor.sandbox.SandboxApi.dataApi;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;
import static org.hlf.mentor.sandbox.query.CollectionPages.first;

/** The $filter subset over HTTP: what it matches, and that everything beyond it is refused. */
@QuarkusTest
class ContactFilterTest {

    private String token;
    private String chapter;
    private UUID ingrid;
    private UUID per;
    private UUID kari;
    private UUID nameless;

    @BeforeEach
    void seedChapter() {
        token = token();
        chapter = "f-" + UUID.randomUUID().toString().substring(0, 8);
        ingrid = seedContact(chapter, "Ingrid O'Brien", true);
        per = seedContact(chapter, "Per Hansen", false);
        kari = seedContact(chapter, "Kari Nordmann", true);
        nameless = UUID.randomUUID();
        dataApi(token).contentType(ContentType.JSON)
                .body("{\"hlf_chapterid\": \"" + chapter + "\", \"fullname\": null, \"hlf_showonwebsite\": true}")
                .patch(contactPath(nameless)).then().statusCode(204);
    }

    @Test
    void comparesTextCaseInsensitivelyWithEscapedQuotes() {
        assertThat(matching("fullname eq 'ingrid o''brien'")).containsExactly(ingrid);
    }

    @Test
    void comparesBooleans() {
        assertThat(matching("hlf_showonwebsite eq false")).containsExactly(per);
        assertThat(matching("hlf_showonwebsite ne false")).containsExactlyInAnyOrder(ingrid, kari, nameless);
    }

    @Test
    void comparesWithNullAndNeverMatchesNullOtherwise() {
        assertThat(matching("fullname eq null")).containsExactly(nameless);
        assertThat(matching("hlf_mentorid ne null")).containsExactlyInAnyOrder(ingrid, per, kari, nameless);
        assertThat(matching("fullname ne 'Per Hansen'")).containsExactlyInAnyOrder(ingrid, kari);
    }

    @Test
    void comparesKeysAndUnquotedGuids() {
        String contactId = adminContact(per).getString("contactId").toUpperCase(Locale.ROOT);

        assertThat(matching("contactid eq " + contactId)).containsExactly(per);
        assertThat(matching("hlf_mentorid eq '" + kari + "'")).containsExactly(kari);
    }

    @Test
    void keywordsIgnoreCaseAndWhitespace() {
        String filter = "  hlf_chapterid   EQ '" + chapter + "'\tAND  hlf_showonwebsite Eq TRUE And fullname nE NULL ";

        assertThat(mentors(filter)).containsExactlyInAnyOrder(ingrid, kari);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hlf_showonwebsite eq true or hlf_showonwebsite eq false",
        "fullname gt 'A'",
        "contains(fullname,'a')",
        "(hlf_showonwebsite eq true)",
        "not hlf_showonwebsite eq true",
        "hlf_chapterid in ('a','b')",
        "nosuchcolumn eq null",
        "modifiedon eq null",
        "hlf_showonwebsite eq 'true'",
        "hlf_chapterid eq 12",
        "contactid eq 'not-a-guid'",
        "hlf_mentorid eq 5e6f33d1-99b1-4244-a573-942498a4a201",
        "hlf_chapterid eq 'unclosed",
        "hlf_chapterid eq",
        "hlf_chapterid eq 'a' and",
        "hlf_chapterid eq 'a' hlf_showonwebsite eq true",
        ""
    })
    void anythingBeyondTheSubsetIs400(String filter) {
        first(token, null, Map.of("$filter", filter)).then().statusCode(400)
                .body("error.code", equalTo("0x80060888"));
    }

    private List<UUID> matching(String condition) {
        return mentors("hlf_chapterid eq '" + chapter + "' and " + condition);
    }

    private List<UUID> mentors(String filter) {
        return first(token, null, Map.of("$select", "hlf_mentorid", "$filter", filter))
                .then().statusCode(200).extract().jsonPath().getList("value.hlf_mentorid", String.class)
                .stream().map(UUID::fromString).toList();
    }
}
