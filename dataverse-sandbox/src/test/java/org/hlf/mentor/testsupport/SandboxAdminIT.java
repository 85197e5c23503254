package org.hlf.mentor.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The typed admin client against the real packaged sandbox, one process for the class. */
class SandboxAdminIT {

    private static SandboxResource resource;
    private static SandboxAdmin admin;
    private static DataApiCalls data;

    private final UUID mentorId = UUID.randomUUID();

    @BeforeAll
    static void startSandbox() {
        resource = new SandboxResource(name -> null);
        resource.start();
        admin = SandboxAdmin.fromSystemProperty();
        data = new DataApiCalls(admin.baseUrl());
    }

    @AfterAll
    static void stopSandbox() {
        resource.stop();
    }

    @AfterEach
    void reset() {
        admin.clearFaults();
        admin.resetLimits();
    }

    @Test
    void seedsInspectsAndRemovesContacts() {
        admin.seed(SeedContact.visible(mentorId, "oslo", "Ingrid Solberg"));

        SandboxContact contact = admin.contact(mentorId).orElseThrow();
        assertThat(contact.visible()).isTrue();
        assertThat(contact.chapterId()).isEqualTo("oslo");
        assertThat(contact.modifiedOn()).isNotNull();
        assertThat(admin.removeContact(mentorId)).isTrue();
        assertThat(admin.contact(mentorId)).isEmpty();
        assertThat(admin.removeContact(mentorId)).isFalse();
    }

    @Test
    void requestLogShowsWhatWasWritten() {
        admin.seed(SeedContact.visible(mentorId, "oslo", "Ingrid Solberg"));
        long before = admin.contact(mentorId).orElseThrow().version();

        assertThat(data.hideNow(data.token(), mentorId).statusCode()).isEqualTo(204);

        assertThat(admin.contact(mentorId).orElseThrow().version()).isGreaterThan(before);
        assertThat(admin.requests(mentorId)).singleElement().satisfies(entry -> {
            assertThat(entry.method()).isEqualTo("PATCH");
            assertThat(entry.clientId()).isEqualTo(SandboxResource.CLIENT_ID);
            assertThat(entry.mentorId()).isEqualTo(mentorId);
            assertThat(entry.status()).isEqualTo(204);
            assertThat(entry.visibility()).isFalse();
            assertThat(entry.time()).isNotNull();
        });
        assertThat(admin.requests()).isNotEmpty();
        admin.clearRequests();
        assertThat(admin.requests()).isEmpty();
    }

    @Test
    void holdsAPatchUntilReleased() {
        admin.seed(SeedContact.visible(mentorId, "oslo", "Ingrid Solberg"));
        admin.faults("{\"hold\": true, \"count\": 1, \"method\": \"PATCH\", \"mentorId\": \"" + mentorId + "\"}");

        CompletableFuture<HttpResponse<String>> patch = data.hideLater(data.token(), mentorId);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.held() == 1);

        assertThat(admin.contact(mentorId).orElseThrow().visible()).isTrue();
        assertThat(admin.release()).isEqualTo(1);
        assertThat(patch.join().statusCode()).isEqualTo(204);
        assertThat(admin.contact(mentorId).orElseThrow().visible()).isFalse();
        assertThat(admin.held()).isZero();
    }

    @Test
    void addsFaultsAfterTheOnesInForce() {
        admin.seed(SeedContact.visible(mentorId, "oslo", "Ingrid Solberg"));
        String token = data.token();
        admin.faults("{\"status\": 503, \"count\": 1}");
        admin.addFault("{\"status\": 502, \"count\": 1}");

        assertThat(data.hideNow(token, mentorId).statusCode()).isEqualTo(503);
        assertThat(data.hideNow(token, mentorId).statusCode()).isEqualTo(502);
        assertThat(data.hideNow(token, mentorId).statusCode()).isEqualTo(204);
    }

    @Test
    void refusedInputFailsWithTheSandboxsProblem() {
        assertThatThrownBy(() -> admin.faults("{\"latency\": 100}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUT /sandbox/faults answered 400");
    }

    @Test
    void limitsApplyUntilReset() {
        admin.seed(SeedContact.visible(mentorId, "oslo", "Ingrid Solberg"));
        String token = data.token();
        admin.limits("{\"enabled\": true, \"requestsPerWindow\": 1, \"windowSeconds\": 60}");

        assertThat(data.hideNow(token, mentorId).statusCode()).isEqualTo(204);
        assertThat(data.hideNow(token, mentorId).statusCode()).isEqualTo(429);
        admin.resetLimits();
        assertThat(data.hideNow(token, mentorId).statusCode()).isEqualTo(204);
    }

    @Test
    void revokedOrExpiredTokensAreRefused() {
        admin.seed(SeedContact.visible(mentorId, "oslo", "Ingrid Solberg"));
        String revoked = data.token();
        admin.revokeTokens();
        assertThat(data.hideNow(revoked, mentorId).statusCode()).isEqualTo(401);

        admin.tokenLifetime(1);
        String shortLived = data.token();
        admin.tokenLifetime(3600);
        await().atMost(Duration.ofSeconds(5)).until(() -> data.hideNow(shortLived, mentorId).statusCode() == 401);
    }

    @Test
    void collectionReadPagesThroughTheSeededChapter() {
        String chapter = "it-" + UUID.randomUUID().toString().substring(0, 8);
        admin.seed(SeedContact.visible(UUID.randomUUID(), chapter, "A"), SeedContact.visible(UUID.randomUUID(), chapter, "B"));

        HttpResponse<String> page = data.get(data.token(), "/api/data/v9.2/contacts?$select=hlf_mentorid,hlf_showonwebsite"
                + "&$filter=hlf_chapterid%20eq%20'" + chapter + "'");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"value\":[{\"@odata.etag\"").doesNotContain("@odata.nextLink");
    }
}
