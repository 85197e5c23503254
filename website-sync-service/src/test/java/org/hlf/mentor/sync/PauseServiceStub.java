package org.hlf.mentor.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The services around website-sync-service that are not the portal, on one WireMock with a free loopback port:
 * pause-service's roster read (stubbed per test by {@link RosterStub}, in the shape pause-service's own tests pin
 * down) and the alert webhook receiver.
 */
public class PauseServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String ALERT_PATH = "/alert-hook";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
        server.start();
        server.stubFor(post(urlPathEqualTo(ALERT_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)));
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("hlf.sync.roster.url", base, "hlf.sync.alert.webhook-url", base + ALERT_PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
