package org.hlf.mentor.sandbox.seed;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** pause-service is seeded from the CSV, the sandbox from the JSON: they must name the same mentors. */
class DemoRosterFilesTest {

    @Test
    void csvAndJsonListTheSameMentorsInTheSameChapters() {
        List<String> lines = DemoRosterFiles.csvLines();
        assertThat(lines.get(0)).isEqualTo("mentorId,chapterId,certificationValidUntil");

        Map<String, String> fromCsv = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            assertThat(fields).hasSize(3);
            assertThat(LocalDate.parse(fields[2]).getYear()).isBetween(2027, 2028);
            fromCsv.put(fields[0], fields[1]);
        }

        assertThat(fromCsv).hasSize(12).isEqualTo(DemoRosterFiles.json());
    }
}
