package org.hlf.mentor.sandbox.batch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.sandbox.SandboxApi.dataApi;
import static org.hlf.mentor.sandbox.SandboxApi.newClient;
import static org.hlf.mentor.sandbox.SandboxApi.requestsOf;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;

/** A collection read inside a $batch answers exactly like the top-level read. */
@QuarkusTest
class BatchCollectionReadTest {

    @Test
    void collectionGetPartAnswersAPageWithItsNextLink() {
        String clientId = newClient();
        String chapter = "b-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = seedContact(chapter, "Mentor A", true);
        UUID second = seedContact(chapter, "Mentor B", true);
        String url = "contacts?$select=hlf_mentorid&$filter=hlf_chapterid%20eq%20'" + chapter + "'";
        BatchBody batch = new BatchBody().get(url, "Prefer: odata.maxpagesize=1").get(url + "&$orderby=fullname");

        Response response = dataApi(token(clientId)).header("Prefer", "odata.continue-on-error")
                .contentType(batch.contentType()).body(batch.build()).post("/api/data/v9.2/$batch");

        assertThat(BatchAnswer.statuses(response)).containsExactly(200, 400);
        assertThat(response.asString())
                .contains("Preference-Applied: odata.maxpagesize=1")
                .contains("\"@odata.nextLink\":\"")
                .containsAnyOf(first.toString(), second.toString())
                .contains("0x80060888");
        assertThat(requestsOf(clientId)).filteredOn(entry -> ((String) entry.get("path")).startsWith("/api/data/"))
                .extracting(entry -> entry.get("method") + " " + entry.get("path") + " " + entry.get("mentorId") + " "
                        + entry.get("status"))
                .containsExactly("POST /api/data/v9.2/$batch null 200", "GET /api/data/v9.2/contacts null 200",
                        "GET /api/data/v9.2/contacts null 400");
    }
}
