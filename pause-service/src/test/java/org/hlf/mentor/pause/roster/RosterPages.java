package org.hlf.mentor.pause.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.pause.PauseApi.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.pause.PauseDb;

/** The plumbing of the roster read's tests: reading every page, the expected items, the plan of a page's query. */
final class RosterPages {

    static final String MENTORS = "/api/v1/mentors";

    private RosterPages() {
    }

    /** Follows nextCursor from the first page to the last (parsed with Jackson: pages of 1000 are large). */
    static List<JsonNode> readAll(ObjectMapper mapper, String token, String chapter, int limit) {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(token).queryParam("limit", limit);
            if (chapter != null) {
                request.queryParam("chapterId", chapter);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            byte[] body = request.get(MENTORS).then().statusCode(200).contentType("application/json").extract()
                    .asByteArray();
            JsonNode page;
            try {
                page = mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("unreadable page", e);
            }
            pages.add(page);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            assertThat(pages.size()).as("pages read").isLessThan(10_000);
        } while (cursor != null);
        return pages;
    }

    /** The page query walks an index in id order and stops: no sort, no scan of the whole chapter or table. */
    static void assertWalksAnIndex(PauseDb db, String where, Object... args) {
        String plan = String.join("\n", db.rows("EXPLAIN SELECT id, chapter_id, status, version, "
                + "certification_valid_until FROM peer_mentor WHERE " + where + " ORDER BY id LIMIT 1001", args)
                .stream().map(row -> String.valueOf(row.get("QUERY PLAN"))).toList());
        assertThat(plan).as(plan).startsWith("Limit").contains("Index").doesNotContain("Sort", "Seq Scan");
    }

    /** A roster item as the JSON answer holds it. */
    static Map<String, Object> item(UUID id, String chapter, String status, int version, String validUntil) {
        Map<String, Object> item = new HashMap<>();
        item.put("mentorId", id.toString());
        item.put("chapterId", chapter);
        item.put("status", status);
        item.put("version", version);
        item.put("certificationValidUntil", validUntil);
        return item;
    }

    static String freshChapter() {
        return "roster-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse badRequest(ValidatableResponse response) {
        return response.statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("title", equalTo("Bad Request"));
    }
}
