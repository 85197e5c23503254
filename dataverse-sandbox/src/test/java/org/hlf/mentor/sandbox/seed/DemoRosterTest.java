package org.hlf.mentor.sandbox.seed;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hlf.mentor.sandbox.SandboxApi.requestToken;

/** The test profile starts the sandbox with the shipped demo roster, exactly as the local run does. */
@QuarkusTest
class DemoRosterTest {

    @Test
    void demoRosterIsSeededAtStartUp() {
        List<Map<String, Object>> demo = given().get("/public/mentors").then().statusCode(200)
                .extract().jsonPath().getList("$");

        Map<Object, Long> perChapter = demo.stream()
                .filter(mentor -> List.of("oslo", "bergen", "trondheim").contains(mentor.get("chapterId")))
                .filter(mentor -> DemoRosterFiles.json().containsKey(mentor.get("mentorId").toString()))
                .collect(Collectors.groupingBy(mentor -> mentor.get("chapterId"), Collectors.counting()));
        assertThat(perChapter).containsOnly(Map.entry("oslo", 4L), Map.entry("bergen", 4L), Map.entry("trondheim", 4L));
    }

    @Test
    void demoClientOfTheLocalRunCanGetAToken() {
        requestToken("website-sync", "local-dev-secret").then().statusCode(200);
    }
}
