package org.hlf.mentor.sandbox.batch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hlf.mentor.sandbox.SandboxApi.adminContact;
import static org.hlf.mentor.sandbox.SandboxApi.anonymous;
import static org.hlf.mentor.sandbox.SandboxApi.dataApi;
import static org.hlf.mentor.sandbox.SandboxApi.newClient;
import static org.hlf.mentor.sandbox.SandboxApi.putLimits;
import static org.hlf.mentor.sandbox.SandboxApi.requestsFor;
import static org.hlf.mentor.sandbox.SandboxApi.requestsOf;
import static org.hlf.mentor.sandbox.SandboxApi.restoreLimits;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class BatchTest {

    private static final String PORTAL = "https://hlf.crm4.dynamics.com/api/data/v9.2/";

    private String clientId;
    private String token;

    @BeforeEach
    void newClientAndToken() {
        clientId = newClient();
        token = token(clientId);
    }

    @AfterEach
    void restore() {
        restoreLimits();
    }

    @Test
    void batchAnswersEachPartOnItsOwn() {
        UUID first = seedContact();
        UUID missing = UUID.randomUUID();
        UUID third = seedContact();
        BatchBody batch = new BatchBody()
                .hide(PORTAL + contact(first))
                .hide(PORTAL + contact(missing))
                .hide(PORTAL + contact(third));

        Response response = send(batch, true);

        response.then().statusCode(200)
                .header("OData-Version", "4.0")
                .header("Preference-Applied", "odata.continue-on-error");
        assertThat(BatchAnswer.statuses(response)).containsExactly(204, 404, 204);
        assertThat(response.asString()).contains("{\"error\":{\"code\":\"0x80040217\"");
        assertThat(adminContact(first).getBoolean("visible")).isFalse();
        assertThat(adminContact(third).getBoolean("visible")).isFalse();
    }

    @Test
    void batchWithoutContinueOnErrorStopsAtTheFirstFailure() {
        UUID first = seedContact();
        UUID missing = UUID.randomUUID();
        UUID notReached = seedContact();
        BatchBody batch = new BatchBody()
                .hide(PORTAL + contact(first))
                .hide(PORTAL + contact(missing))
                .hide(PORTAL + contact(notReached));

        Response response = send(batch, false);

        assertThat(BatchAnswer.statuses(response)).containsExactly(204, 404);
        assertThat(adminContact(notReached).getBoolean("visible")).isTrue();
        assertThat(requestsFor(notReached)).isEmpty();
    }

    @Test
    void batchLogsItselfAndEachPartUnderOneRequestId() {
        UUID first = seedContact();
        UUID second = seedContact();

        send(new BatchBody().hide(PORTAL + contact(first)).hide("/api/data/v9.2/" + contact(second)), true)
                .then().statusCode(200);

        List<Map<String, Object>> entries = requestsOf(clientId).stream()
                .filter(entry -> !entry.get("path").toString().endsWith("/token")).toList();
        assertThat(entries).extracting(entry -> entry.get("method") + " " + entry.get("path") + " " + entry.get("status"))
                .containsExactly(
                        "POST /api/data/v9.2/$batch 200",
                        "PATCH /api/data/v9.2/" + contact(first) + " 204",
                        "PATCH /api/data/v9.2/" + contact(second) + " 204");
        assertThat(entries).extracting(entry -> entry.get("requestId")).containsOnly(entries.get(0).get("requestId"));
        assertThat(entries.get(1)).containsEntry("mentorId", first.toString()).containsEntry("visibility", false);
    }

    @Test
    void batchAcceptsAbsoluteRelativeAndServiceRootRelativeUrls() {
        UUID absolute = seedContact();
        UUID absolutePath = seedContact();
        UUID relative = seedContact();

        Response response = send(new BatchBody()
                .hide(PORTAL + contact(absolute))
                .hide("/api/data/v9.2/" + contact(absolutePath))
                .hide(contact(relative)), true);

        assertThat(BatchAnswer.statuses(response)).containsExactly(204, 204, 204);
    }

    @Test
    void batchCanReadWithGet() {
        UUID mentorId = seedContact();

        Response response = send(new BatchBody().get(PORTAL + contact(mentorId) + "?$select=hlf_showonwebsite"), true);

        assertThat(BatchAnswer.statuses(response)).containsExactly(200);
        assertThat(response.asString()).contains("\"hlf_showonwebsite\":true").contains("\"contactid\":");
    }

    @Test
    void changeSetAppliesAllOperationsAndEchoesContentIds() {
        UUID first = seedContact();
        UUID second = seedContact();

        Response response = send(new BatchBody().beginChangeSet()
                .hide(PORTAL + contact(first)).hide(PORTAL + contact(second))
                .endChangeSet(), false);

        assertThat(BatchAnswer.statuses(response)).containsExactly(204, 204);
        assertThat(response.asString()).contains("boundary=changesetresponse_").contains("Content-ID: ");
        assertThat(adminContact(first).getBoolean("visible")).isFalse();
        assertThat(adminContact(second).getBoolean("visible")).isFalse();
    }

    @Test
    void changeSetIsAtomic() {
        UUID applied = seedContact();
        UUID missing = UUID.randomUUID();

        Response response = send(new BatchBody().beginChangeSet()
                .hide(PORTAL + contact(applied)).hide(PORTAL + contact(missing))
                .endChangeSet(), true);

        assertThat(BatchAnswer.statuses(response)).containsExactly(404);
        assertThat(adminContact(applied).getBoolean("visible")).isTrue();
        assertThat(requestsFor(applied)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("status", 424).containsEntry("visibility", null));
    }

    @Test
    void batchOfMoreThan1000OperationsIs400() {
        BatchBody batch = new BatchBody();
        for (int i = 0; i < 1001; i++) {
            batch.hide(contact(UUID.randomUUID()));
        }

        send(batch, true).then().statusCode(400)
                .header("OData-Version", "4.0")
                .body("error.message", containsString("maximum is 1000"));
    }

    @Test
    void batchOf1000OperationsIsAnsweredInFull() {
        BatchBody batch = new BatchBody();
        for (int i = 0; i < 1000; i++) {
            batch.hide(contact(UUID.randomUUID()));
        }

        assertThat(BatchAnswer.statuses(send(batch, true))).hasSize(1000).containsOnly(404);
    }

    @Test
    void batchCountsAsOneRequestAgainstTheLimits() {
        putLimits("{\"requestsPerWindow\": 2, \"windowSeconds\": 300}");
        BatchBody tenWrites = new BatchBody();
        for (int i = 0; i < 10; i++) {
            tenWrites.hide(contact(seedContact()));
        }

        send(tenWrites, true).then().statusCode(200);
        send(tenWrites, true).then().statusCode(200);
        send(tenWrites, true).then().statusCode(429).body("error.code", equalTo("0x80072322"));
    }

    @Test
    void malformedBatchIs400() {
        dataApi(token).contentType("multipart/mixed; boundary=batch_x")
                .body("--batch_x\r\nContent-Type: application/http\r\n\r\nnot a request line\r\n--batch_x--\r\n")
                .post("/api/data/v9.2/$batch")
                .then().statusCode(400).body("error.message", containsString("Malformed request line"));
    }

    @Test
    void batchWithoutBoundaryIs400() {
        dataApi(token).contentType("multipart/mixed")
                .body("--x--\r\n")
                .post("/api/data/v9.2/$batch")
                .then().statusCode(400).body("error.message", containsString("boundary"));
    }

    @Test
    void batchWithoutBearerIs401() {
        BatchBody batch = new BatchBody().hide(contact(seedContact()));
        anonymous().contentType(batch.contentType()).body(batch.build())
                .post("/api/data/v9.2/$batch")
                .then().statusCode(401);
    }

    private Response send(BatchBody batch, boolean continueOnError) {
        var request = dataApi(token).contentType(batch.contentType()).body(batch.build());
        if (continueOnError) {
            request.header("Prefer", "odata.continue-on-error");
        }
        return request.post("/api/data/v9.2/$batch");
    }

    private static String contact(UUID mentorId) {
        return "contacts(hlf_mentorid='" + mentorId + "')";
    }
}
