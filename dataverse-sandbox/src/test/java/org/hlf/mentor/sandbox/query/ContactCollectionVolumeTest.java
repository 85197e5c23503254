package org.hlf.mentor.sandbox.query;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hlf.mentor.sandbox.SandboxApi.token;
import static org.hlf.mentor.sandbox.query.CollectionPages.first;
import static org.hlf.mentor.sandbox.query.CollectionPages.readAll;

/** A full read of a large roster in Dataverse's largest pages (the time it takes is bench/reconcile.sh's business). */
@QuarkusTest
class ContactCollectionVolumeTest {

    private static final int CONTACTS = 20_000;

    @Test
    void twentyThousandContactsReadInFourPagesOf5000EachOnce() {
        String chapter = "v-" + UUID.randomUUID().toString().substring(0, 8);
        // hidden, so the public listing other tests read stays small
        List<Map<String, Object>> seeds = new ArrayList<>(CONTACTS);
        for (int i = 0; i < CONTACTS; i++) {
            seeds.add(Map.of("mentorId", UUID.randomUUID().toString(), "chapterId", chapter, "name", "Mentor " + i,
                    "visible", false));
        }
        given().contentType(ContentType.JSON).body(seeds).post("/sandbox/contacts").then().statusCode(200);
        String token = token();
        Map<String, String> options = Map.of("$select", "hlf_mentorid,hlf_showonwebsite",
                "$filter", "hlf_chapterid eq '" + chapter + "' and hlf_mentorid ne null");
        first(token, "odata.maxpagesize=10000", options).then().statusCode(200)
                .header("Preference-Applied", "odata.maxpagesize=5000")
                .body("value", hasSize(5000));

        List<Integer> sizes = new ArrayList<>();
        List<Map<String, Object>> rows = readAll(token, null, options, sizes);

        assertThat(sizes).hasSize(4).containsOnly(5000);
        Set<Object> distinct = new HashSet<>();
        rows.forEach(row -> distinct.add(row.get("contactid")));
        assertThat(distinct).hasSize(CONTACTS);
    }
}
