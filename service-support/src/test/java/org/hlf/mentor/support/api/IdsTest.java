package org.hlf.mentor.support.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void takesOnlyTheCanonicalUuidForm() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.mentorId(id.toString())).isEqualTo(id);
        assertThat(Ids.mentorId(id.toString().toUpperCase())).isEqualTo(id);
        for (String bad : new String[] {null, "", "1-2-3-4-5", id + "0", "not-a-uuid"}) {
            assertThatThrownBy(() -> Ids.mentorId(bad)).isInstanceOf(InvalidInput.class)
                    .hasMessage("mentorId must be a UUID");
        }
        assertThatThrownBy(() -> Ids.uuid("runId", "x")).hasMessage("runId must be a UUID");
    }

    @Test
    void chapterIdsAreLowercaseSlugsOfAtMost64() {
        assertThat(Ids.chapterId("oslo-2")).isEqualTo("oslo-2");
        assertThat(Ids.isChapterId("a".repeat(64))).isTrue();
        for (String bad : new String[] {null, "", "Oslo", "oslo!", "a".repeat(65), "oslo\n"}) {
            assertThat(Ids.isChapterId(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> Ids.chapterId("Oslo")).isInstanceOf(InvalidInput.class)
                .hasMessage("chapterId must match [a-z0-9-]{1,64}");
    }
}
