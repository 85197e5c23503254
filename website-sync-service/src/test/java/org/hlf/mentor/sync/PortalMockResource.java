package org.hlf.mentor.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Dynamics portal as WireMock on a free loopback port: the Entra ID token endpoint (a new random token per call),
 * update-only PATCHes answering 204 unless a test stubs otherwise, {@code $batch} (see
 * {@link BatchPartsTransformer}) and the alert webhook.
 */
public class PortalMockResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN_PATH = "/test-tenant/oauth2/v2.0/token";
    public static final String ALERT_PATH = "/alert-hook";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(false).containerThreads(40).extensions(new BatchPartsTransformer()));
        server.start();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
                        + "\"access_token\":\"{{randomValue type='UUID'}}\"}")
                .withTransformers("response-template")));
        server.stubFor(any(urlPathMatching("/api/data/v9\\.2/contacts\\(.*\\)")).atPriority(10)
                .willReturn(aResponse().withStatus(204).withHeader("OData-Version", "4.0")));
        server.stubFor(post(urlPathEqualTo("/api/data/v9.2/$batch")).atPriority(10)
                .willReturn(aResponse().withTransformers(BatchPartsTransformer.NAME)));
        server.stubFor(post(urlPathEqualTo(ALERT_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)));
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("hlf.sync.portal.base-url", base,
                "quarkus.oidc-client.auth-server-url", base + TOKEN_PATH,
                "hlf.sync.alert.webhook-url", base + ALERT_PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
