package org.hlf.mentor.pause.roster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.register;
import static org.hlf.mentor.pause.roster.RosterPages.MENTORS;
import static org.hlf.mentor.pause.roster.RosterPages.assertWalksAnIndex;
import static org.hlf.mentor.pause.roster.RosterPages.badRequest;
import static org.hlf.mentor.pause.roster.RosterPages.freshChapter;
import static org.hlf.mentor.pause.roster.RosterPages.item;
import static org.hlf.mentor.pause.roster.RosterPages.readAll;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hlf.mentor.pause.PauseDb;
import org.hlf.mentor.testsupport.OpenApiSecurity;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The paged roster read ({@code GET /api/v1/mentors}) that website-sync-service reconciles against. */
@QuarkusTest
class RosterPagingTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Test
    void pagesThroughAChapterInAscendingMentorIdOrder() {
        String chapter = freshChapter();
        LocalDate validUntil = TODAY.plusYears(1);
        Map<String, Map<String, Object>> expected = new HashMap<>();
        List<UUID> certified = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            UUID id = register(chapter, validUntil);
            certified.add(id);
            expected.put(id.toString(), item(id, chapter, "ACTIVE", 1, validUntil.toString()));
        }
        UUID uncertified = register(chapter, null);
        expected.put(uncertified.toString(), item(uncertified, chapter, "EXPIRED_CERT", 1, null));
        UUID paused = certified.get(7);
        pause(paused).then().statusCode(200).body("version", equalTo(2));
        expected.put(paused.toString(), item(paused, chapter, "PAUSED", 2, validUntil.toString()));

        List<JsonNode> pages = readAll(mapper, TestTokens.system(), chapter, 10);

        assertThat(pages).extracting(page -> page.get("items").size()).containsExactly(10, 10, 5);
        assertThat(pages).extracting(page -> page.get("nextCursor").isNull()).containsExactly(false, false, true);
        List<Map<String, Object>> items = new ArrayList<>();
        pages.forEach(page -> items.addAll(mapper.convertValue(page.get("items"),
                new TypeReference<List<Map<String, Object>>>() { })));
        // PostgreSQL orders uuids by their bytes, which is the order of their lower-case text
        assertThat(items).extracting(item -> item.get("mentorId"))
                .containsExactlyElementsOf(expected.keySet().stream().sorted().toList());
        assertThat(items).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    @Test
    void adminReadsTooAndTheDefaultPageHoldsASmallChapter() {
        String chapter = freshChapter();
        UUID first = register(chapter, TODAY.plusMonths(3));
        UUID second = register(chapter, TODAY.plusMonths(3));
        as(TestTokens.admin()).queryParam("chapterId", chapter).get(MENTORS).then().statusCode(200)
                .contentType("application/json")
                .body("items.size()", equalTo(2))
                .body("items.mentorId", hasItems(first.toString(), second.toString()))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void emptyChapterIsOneEmptyPage() {
        as(TestTokens.system()).queryParam("chapterId", freshChapter()).get(MENTORS).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", equalTo(null));
    }

    @Test
    void aCursorPassedBackContinuesAfterThatMentor() {
        String chapter = freshChapter();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register(chapter, TODAY.plusYears(1)).toString());
        }
        ids.sort(null);
        String cursor = RosterCursor.encode(UUID.fromString(ids.get(0)));
        as(TestTokens.admin()).queryParam("chapterId", chapter).queryParam("cursor", cursor).get(MENTORS).then()
                .statusCode(200).body("items.mentorId", equalTo(ids.subList(1, 3))).body("nextCursor", equalTo(null));
    }

    @Test
    void withoutChapterTheWholeRosterIsReadOnceInOrder() {
        UUID here = register(freshChapter(), TODAY.plusYears(1));
        UUID there = register(freshChapter(), TODAY.plusYears(1));
        List<String> ids = new ArrayList<>();
        for (JsonNode page : readAll(mapper, TestTokens.system(), null, 1000)) {
            page.get("items").forEach(item -> ids.add(item.get("mentorId").asText()));
        }
        assertThat(ids).contains(here.toString(), there.toString()).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void tenThousandMentorsInTenPagesEachAnIndexWalk() {
        String chapter = freshChapter();
        PauseDb db = new PauseDb(pool);
        // straight into the table: this is about the read, not 10,000 registrations
        db.execute("""
                INSERT INTO peer_mentor (id, chapter_id, status, certification_valid_until, version, created_at,
                                         updated_at)
                SELECT gen_random_uuid(), $1, 'ACTIVE', current_date + 365, 1, now(), now()
                FROM generate_series(1, 10000)""", chapter);
        db.execute("ANALYZE peer_mentor"); // as in production, the planner knows how large the table is
        try {
            // each page walks an index in id order and stops: no sort, no scan of the whole chapter or table
            UUID middle = UUID.fromString("80000000-0000-0000-0000-000000000000");
            assertWalksAnIndex(db, "chapter_id = $1 AND id > $2", chapter, middle);
            assertWalksAnIndex(db, "id > $1", middle);

            String token = TestTokens.system();
            List<JsonNode> pages = readAll(mapper, token, chapter, 1000);

            assertThat(pages).hasSize(10).allSatisfy(page -> assertThat(page.get("items")).hasSize(1000));
            List<String> ids = new ArrayList<>(10_000);
            pages.forEach(page -> page.get("items").forEach(item -> ids.add(item.get("mentorId").asText())));
            assertThat(new HashSet<>(ids)).hasSize(10_000);
            assertThat(ids).isSorted();
        } finally {
            db.execute("DELETE FROM peer_mentor WHERE chapter_id = $1", chapter);
        }
    }

    @Test
    void badParametersAre400ProblemsAndChangeNothing() {
        String chapter = freshChapter();
        UUID id = register(chapter, TODAY.plusYears(1));
        PauseDb db = new PauseDb(pool);
        Map<String, Object> before = db.snapshot(id);
        String system = TestTokens.system();
        for (String limit : List.of("0", "1001", "abc", "-1", "10.5", "99999999999")) {
            badRequest(as(system).queryParam("limit", limit).get(MENTORS).then())
                    .body("detail", equalTo("limit must be between 1 and 1000"));
        }
        String valid = RosterCursor.encode(id);
        for (String cursor : List.of("abc", "!!!!!!!!!!!!!!!!!!!!!!", id.toString(), valid + "A", valid + "==",
                valid.substring(0, 21) + "B")) {
            badRequest(as(system).queryParam("cursor", cursor).get(MENTORS).then())
                    .body("detail", equalTo("cursor is malformed: pass back the nextCursor of the previous page"));
        }
        for (String chapterId : List.of("Oslo!", "x".repeat(65), "a b", "oslo/bergen")) {
            badRequest(as(system).queryParam("chapterId", chapterId).get(MENTORS).then())
                    .body("detail", equalTo("chapterId must match [a-z0-9-]{1,64}"));
        }
        assertThat(db.snapshot(id)).as("database unchanged").isEqualTo(before);
    }

    @Test
    void answersTheContractsShape() {
        String chapter = freshChapter();
        UUID id = register(chapter, LocalDate.parse("2027-06-30"));
        String body = as(TestTokens.system()).queryParam("chapterId", chapter).get(MENTORS).then().statusCode(200)
                .contentType("application/json").extract().asString();
        String status = TODAY.isAfter(LocalDate.parse("2027-06-30")) ? "EXPIRED_CERT" : "ACTIVE";
        assertThat(body).isEqualTo(("{\"items\":[{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"status\":\"%s\","
                + "\"version\":1,\"certificationValidUntil\":\"2027-06-30\"}],\"nextCursor\":null}")
                .formatted(id, chapter, status));
    }

    @Test
    void emptyParametersCountAsAbsent() {
        String chapter = freshChapter();
        register(chapter, TODAY.plusYears(1));
        as(TestTokens.system()).queryParam("chapterId", chapter).queryParam("limit", "").queryParam("cursor", "")
                .get(MENTORS).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void onlySystemAndAdminMayRead() {
        String chapter = freshChapter();
        register(chapter, TODAY.plusYears(1));
        as(TestTokens.coordinator(chapter)).queryParam("chapterId", chapter).get(MENTORS).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.ops()).queryParam("chapterId", chapter).get(MENTORS).then().statusCode(403)
                .contentType("application/problem+json");
        given().queryParam("chapterId", chapter).get(MENTORS).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        as(TestTokens.system()).queryParam("chapterId", chapter).get(MENTORS).then().statusCode(200)
                .body("items.size()", equalTo(1));
        as(TestTokens.admin()).queryParam("chapterId", chapter).get(MENTORS).then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void isDescribedInOpenApi() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String get = "paths.'/api/v1/mentors'.get";
        assertThat(openApi.getString(get + ".summary")).contains("roster");
        assertThat(openApi.getList(get + ".tags", String.class)).containsExactly("roster");
        assertThat(openApi.getList(get + ".parameters.name", String.class))
                .containsExactlyInAnyOrder("cursor", "limit", "chapterId");
        assertThat(openApi.getMap(get + ".responses.'200'")).isNotNull();
    }

    @Test
    void openApiRequiresTheBearerSchemeOfEveryOperationWithItsRoles() throws Exception {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(OpenApiSecurity.unguardedOperations(doc, "jwt")).isEmpty();
        assertThat(JsonPath.from(doc).getList("paths.'/api/v1/mentors/import'.post.security[0].jwt", String.class))
                .containsExactlyInAnyOrder("system", "admin");
    }
}
