package org.hlf.mentor.sandbox.publicsite;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.setVisibility;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class PublicSiteTest {

    /** Chapters of this test alone, so contacts of other tests never show up in its listings. */
    private String chapterA;
    private String chapterB;

    @BeforeEach
    void freshChapters() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        chapterA = "a-" + suffix;
        chapterB = "b-" + suffix;
    }

    @Test
    void publicMentorsListsVisibleContactsByChapterThenName() {
        UUID berit = seedContact(chapterB, "Berit", true);
        UUID anders = seedContact(chapterB, "Anders", true);
        UUID zara = seedContact(chapterA, "Zara", true);
        seedContact(chapterA, "Hidden Hanne", false);

        List<Map<String, Object>> listed = given().get("/public/mentors")
                .then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(listed).filteredOn(mentor -> List.of(chapterA, chapterB).contains(mentor.get("chapterId")))
                .containsExactly(
                        Map.of("mentorId", zara.toString(), "chapterId", chapterA, "name", "Zara"),
                        Map.of("mentorId", anders.toString(), "chapterId", chapterB, "name", "Anders"),
                        Map.of("mentorId", berit.toString(), "chapterId", chapterB, "name", "Berit"));
    }

    @Test
    void publicMentorsFiltersByChapter() {
        seedContact(chapterA, "Only In A", true);
        seedContact(chapterB, "Only In B", true);

        List<String> names = given().queryParam("chapterId", chapterA).get("/public/mentors")
                .then().statusCode(200).extract().jsonPath().getList("name");

        assertThat(names).containsExactly("Only In A");
    }

    @Test
    void hiddenMentorDisappearsAndRestoredMentorComesBack() {
        UUID mentorId = seedContact(chapterA, "Solveig", true);
        String token = token();

        hide(token, mentorId).then().statusCode(204);
        assertThat(namesIn(chapterA)).isEmpty();

        setVisibility(token, mentorId, true).then().statusCode(204);
        assertThat(namesIn(chapterA)).containsExactly("Solveig");
    }

    @Test
    void publicPageGroupsPerChapterAndEscapesNames() {
        seedContact(chapterA, "<script>alert('x')</script> & Co", true);
        seedContact(chapterB, "Bjørn", true);

        String html = given().get("/public").then().statusCode(200)
                .contentType("text/html").extract().asString();

        assertThat(html).contains("<h2>" + chapterA + "</h2>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
                .doesNotContain("<script>")
                .containsSubsequence("<h2>" + chapterA + "</h2>", "<h2>" + chapterB + "</h2>", "Bjørn");
    }

    @Test
    void publicPageFiltersByChapter() {
        seedContact(chapterA, "In A", true);
        seedContact(chapterB, "In B", true);

        String html = given().queryParam("chapterId", chapterB).get("/public").then().statusCode(200)
                .extract().asString();

        assertThat(html).contains("In B").doesNotContain("In A").doesNotContain("<h2>oslo</h2>");
    }

    private List<String> namesIn(String chapterId) {
        return given().queryParam("chapterId", chapterId).get("/public/mentors")
                .then().statusCode(200).extract().jsonPath().getList("name");
    }
}
