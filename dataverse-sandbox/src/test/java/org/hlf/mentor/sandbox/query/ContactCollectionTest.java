package org.hlf.mentor.sandbox.query;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hlf.mentor.sandbox.SandboxApi.adminContact;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;
import static org.hlf.mentor.sandbox.query.CollectionPages.first;
import static org.hlf.mentor.sandbox.query.CollectionPages.follow;
import static org.hlf.mentor.sandbox.query.CollectionPages.readAll;
import static org.hlf.mentor.sandbox.query.CollectionPages.serviceRoot;

/** The collection read's paging contract, each test on contacts of its own chapter. */
@QuarkusTest
class ContactCollectionTest {

    private static final String SELECT = "hlf_mentorid,hlf_showonwebsite";

    private String token;
    private String chapter;

    @BeforeEach
    void newClientAndChapter() {
        token = token();
        chapter = "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void pageAnswersContextEtagsSelectedColumnsAndAnAbsoluteNextLink() {
        List<UUID> mentors = seed(5);
        hide(token, mentors.get(0)).then().statusCode(204);

        Response page = first(token, "odata.maxpagesize=2", Map.of("$select", SELECT, "$filter", inChapter()));

        page.then().statusCode(200)
                .header("OData-Version", "4.0")
                .header("Preference-Applied", "odata.maxpagesize=2")
                .contentType(equalTo("application/json; odata.metadata=minimal"))
                .body("'@odata.context'", equalTo(serviceRoot() + "/$metadata#contacts(" + SELECT + ")"))
                .body("value", hasSize(2))
                .body("'@odata.nextLink'", org.hamcrest.Matchers.startsWith(serviceRoot() + "/contacts?$select="
                        + SELECT + "&$filter=hlf_chapterid%20eq%20'" + chapter + "'&$skiptoken=%3Ccookie%20pagenumber=%222%22"));
        Map<String, Object> row = page.jsonPath().getMap("value[0]");
        assertThat(row).containsOnlyKeys("@odata.etag", "hlf_mentorid", "hlf_showonwebsite", "contactid");
        UUID mentor = UUID.fromString((String) row.get("hlf_mentorid"));
        assertThat(row).containsEntry("@odata.etag", "W/\"" + adminContact(mentor).getLong("version") + "\"")
                .containsEntry("contactid", adminContact(mentor).getString("contactId"))
                .containsEntry("hlf_showonwebsite", !mentor.equals(mentors.get(0)));
    }

    @Test
    void followingNextLinksReadsEveryMatchingRowOnceInContactIdOrder() {
        List<UUID> mentors = seed(7);
        List<Integer> sizes = new ArrayList<>();

        List<Map<String, Object>> rows = readAll(token, "odata.maxpagesize=3",
                Map.of("$select", SELECT, "$filter", inChapter()), sizes);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(rows).extracting(row -> UUID.fromString((String) row.get("hlf_mentorid")))
                .containsExactlyInAnyOrderElementsOf(mentors);
        assertThat(rows).extracting(row -> (String) row.get("contactid")).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void pagingNeitherRepeatsNorSkipsRowsWhenContactsChangeBetweenPages() {
        seed(6);
        String prefer = "odata.maxpagesize=3";
        Response firstPage = first(token, prefer, Map.of("$select", SELECT, "$filter", inChapter()));
        List<UUID> firstMentors = mentorsOf(firstPage.jsonPath().getList("value"));
        List<UUID> rest = mentorsOf(readAll(token, null, Map.of("$select", SELECT, "$filter", inChapter()),
                new ArrayList<>())).subList(3, 6);

        hide(token, firstMentors.get(0)).then().statusCode(204);
        hide(token, rest.get(1)).then().statusCode(204);
        given().delete("/sandbox/contacts/" + firstMentors.get(1)).then().statusCode(204);
        CollectionPages.Page second = follow(firstPage.jsonPath().getString("'@odata.nextLink'"), token, prefer);

        assertThat(second.status()).isEqualTo(200);
        assertThat(mentorsOf(second.rows())).containsExactlyElementsOf(rest);
        assertThat(second.rows()).filteredOn(row -> row.get("hlf_mentorid").equals(rest.get(1).toString()))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("hlf_showonwebsite", false));
    }

    @Test
    void withoutSelectEveryReadableColumnIsReturned() {
        UUID mentor = seed(1).get(0);

        first(token, null, Map.of("$filter", inChapter())).then().statusCode(200)
                .header("Preference-Applied", nullValue())
                .body("'@odata.context'", equalTo(serviceRoot() + "/$metadata#contacts"))
                .body("'@odata.nextLink'", nullValue())
                .body("value[0].hlf_mentorid", equalTo(mentor.toString()))
                .body("value[0].fullname", equalTo("Mentor 0"))
                .body("value[0].hlf_chapterid", equalTo(chapter))
                .body("value[0].hlf_showonwebsite", equalTo(true))
                .body("value[0].modifiedon", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void topLimitsTheRowsAndIsNeverPaged() {
        seed(4);

        first(token, "odata.maxpagesize=1", Map.of("$filter", inChapter(), "$top", "2")).then().statusCode(200)
                .header("Preference-Applied", nullValue())
                .body("value", hasSize(2))
                .body("'@odata.nextLink'", nullValue());
    }

    @Test
    void unknownSelectColumnIs400LikeASingleRead() {
        first(token, null, Map.of("$select", "hlf_mentorid,Name")).then().statusCode(400)
                .body("error.code", equalTo("0x0"))
                .body("error.message", containsString("Could not find a property named 'Name'"));
    }

    @Test
    void unsupportedSystemQueryOptionsAre400() {
        for (String option : List.of("$orderby", "$expand", "$count", "$skip")) {
            first(token, null, Map.of(option, "fullname")).then().statusCode(400)
                    .body("error.code", equalTo("0x80060888"))
                    .body("error.message", containsString(option));
        }
        first(token, null, Map.of("$top", "-1")).then().statusCode(400).body("error.code", equalTo("0x80060888"));
    }

    @Test
    void alteredSkiptokenIs400() {
        seed(3);
        String next = first(token, "odata.maxpagesize=1", Map.of("$filter", inChapter())).jsonPath()
                .getString("'@odata.nextLink'");

        CollectionPages.Page page = follow(next.replace("contactid", "accountid"), token, null);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().getString("error.code")).isEqualTo("0x80060888");
        assertThat(page.json().getString("error.message")).contains("$skiptoken");
    }

    private String inChapter() {
        return "hlf_chapterid eq '" + chapter + "'";
    }

    private List<UUID> seed(int count) {
        List<UUID> mentors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mentors.add(seedContact(chapter, "Mentor " + i, true));
        }
        return mentors;
    }

    private static List<UUID> mentorsOf(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> UUID.fromString((String) row.get("hlf_mentorid"))).toList();
    }
}
