package org.hlf.mentor.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class ChapterClaimTest {

    @Test
    void readsAJsonArrayAListOrOneString() {
        assertThat(ChapterClaim.of(token(Json.createArrayBuilder().add("oslo").add("bergen").build())))
                .containsExactlyInAnyOrder("oslo", "bergen");
        assertThat(ChapterClaim.of(token(List.of("oslo", "bergen")))).containsExactlyInAnyOrder("oslo", "bergen");
        assertThat(ChapterClaim.of(token("oslo"))).containsExactly("oslo");
    }

    @Test
    void dropsWhatIsNotAChapterId() {
        assertThat(ChapterClaim.of(token(List.of("oslo", "Bergen", "", "a".repeat(65), "trøndelag", ".*"))))
                .containsExactly("oslo");
        assertThat(ChapterClaim.of(token(Json.createArrayBuilder().add("oslo").add(7).build())))
                .containsExactly("oslo");
    }

    @Test
    void noClaimOrAnotherShapeIsNoChapter() {
        assertThat(ChapterClaim.of(token(null))).isEmpty();
        assertThat(ChapterClaim.of(token(Map.of("oslo", true)))).isEmpty();
    }

    private static JsonWebToken token(Object chapters) {
        return new OneClaimToken(ChapterClaim.NAME, chapters);
    }
}
