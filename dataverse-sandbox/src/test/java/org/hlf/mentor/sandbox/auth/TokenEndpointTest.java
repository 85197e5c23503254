package org.hlf.mentor.sandbox.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.hlf.mentor.sandbox.SandboxApi.SECRET;
import static org.hlf.mentor.sandbox.SandboxApi.hide;
import static org.hlf.mentor.sandbox.SandboxApi.newClient;
import static org.hlf.mentor.sandbox.SandboxApi.requestToken;
import static org.hlf.mentor.sandbox.SandboxApi.requestsOf;
import static org.hlf.mentor.sandbox.SandboxApi.seedContact;
import static org.hlf.mentor.sandbox.SandboxApi.token;

@QuarkusTest
class TokenEndpointTest {

    @AfterEach
    void restoreTokenLifetime() {
        given().contentType(ContentType.JSON).body(Map.of("lifetimeSeconds", 3600))
                .put("/sandbox/tokens").then().statusCode(200);
    }

    @Test
    void registeredClientGetsBearerTokenForConfiguredLifetime() {
        requestToken(newClient(), SECRET).then()
                .statusCode(200)
                .header("Cache-Control", startsWith("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("access_token", not(emptyOrNullString()));
    }

    @Test
    void wrongSecretIs401InvalidClient() {
        requestToken(newClient(), "not-the-secret").then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"))
                .body("error_description", startsWith("AADSTS7000215"));
    }

    @Test
    void unknownClientIs400UnauthorizedClientLikeEntraId() {
        requestToken("never-registered", SECRET).then()
                .statusCode(400)
                .body("error", equalTo("unauthorized_client"))
                .body("error_codes", hasItem(700016));
    }

    @Test
    void unsupportedGrantTypeIs400() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", newClient())
                .formParam("client_secret", SECRET)
                .formParam("scope", "https://x/.default")
                .post("/any-tenant/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void scopeWithoutDefaultSuffixIs400InvalidScope() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", newClient())
                .formParam("client_secret", SECRET)
                .formParam("scope", "https://hlf.crm4.dynamics.com/user_impersonation")
                .post("/any-tenant/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void missingParameterIs400InvalidRequest() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_secret", SECRET)
                .formParam("scope", "https://x/.default")
                .post("/any-tenant/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", org.hamcrest.Matchers.containsString("'client_id'"));
    }

    @Test
    void dataCallWithoutBearerIs401WithODataError() {
        given().contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"hlf_showonwebsite\": false}")
                .patch("/api/data/v9.2/contacts(hlf_mentorid='" + seedContact() + "')")
                .then().statusCode(401)
                .header("OData-Version", "4.0")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("error.code", not(emptyOrNullString()))
                .body("error.message", not(emptyOrNullString()));
    }

    @Test
    void unknownBearerIs401() {
        hide("made-up-token", seedContact()).then().statusCode(401);
    }

    @Test
    void expiredTokenIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("lifetimeSeconds", 1))
                .put("/sandbox/tokens").then().statusCode(200);
        String clientId = newClient();
        String token = requestToken(clientId, SECRET).then().statusCode(200)
                .body("expires_in", equalTo(1)).extract().path("access_token");
        UUID mentorId = seedContact();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> hide(token, mentorId).statusCode() == 401);

        assertThat(hide(token(clientId), mentorId).statusCode()).isEqualTo(204);
    }

    @Test
    void revokedTokensAreRefusedUntilTheClientFetchesANewOne() {
        String clientId = newClient();
        String token = token(clientId);
        UUID mentorId = seedContact();
        hide(token, mentorId).then().statusCode(204);

        given().delete("/sandbox/tokens").then().statusCode(204);

        hide(token, mentorId).then().statusCode(401);
        hide(token(clientId), mentorId).then().statusCode(204);
    }

    @Test
    void tokenCallsAreLoggedWithTheirClientAndStatus() {
        String clientId = newClient();
        requestToken(clientId, "wrong").then().statusCode(401);
        requestToken(clientId, SECRET).then().statusCode(200);

        assertThat(requestsOf(clientId))
                .extracting(entry -> entry.get("method") + " " + entry.get("path") + " " + entry.get("status"))
                .containsExactly(
                        "POST /hlf-tenant/oauth2/v2.0/token 401",
                        "POST /hlf-tenant/oauth2/v2.0/token 200");
    }
}
