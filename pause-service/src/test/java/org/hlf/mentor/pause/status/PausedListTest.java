package org.hlf.mentor.pause.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.pause.PauseApi.BASE;
import static org.hlf.mentor.pause.PauseApi.as;
import static org.hlf.mentor.pause.PauseApi.pause;
import static org.hlf.mentor.pause.PauseApi.registerCertified;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hlf.mentor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The paused list: scoped to the coordinator's chapters, paged by cursor. */
@QuarkusTest
class PausedListTest {

    @Test
    void pagesThroughAChaptersPausedMentors() {
        String chapter = "list-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> paused = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = registerCertified(chapter);
            pause(id).then().statusCode(200);
            paused.add(id.toString());
        }
        registerCertified(chapter); // active: not listed
        String token = TestTokens.coordinator(chapter);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(token).queryParam("chapterId", chapter).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(BASE + "paused").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.mentorId", String.class));
            assertThat(page.getList("items.status", String.class)).containsOnly("PAUSED");
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(paused.stream().sorted().toList());
    }

    @Test
    void coordinatorWithoutChapterFilterSeesOnlyOwnChapters() {
        String mine = "mine-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        UUID own = registerCertified(mine);
        UUID foreign = registerCertified(other);
        pause(own).then().statusCode(200);
        pause(foreign).then().statusCode(200);
        List<String> listed = as(TestTokens.coordinator(mine)).queryParam("limit", 200).get(BASE + "paused")
                .then().statusCode(200).extract().jsonPath().getList("items.mentorId", String.class);
        assertThat(listed).contains(own.toString()).doesNotContain(foreign.toString());
    }
}
