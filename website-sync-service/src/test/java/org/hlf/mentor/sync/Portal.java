package org.hlf.mentor.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** The WireMock portal as tests see it, through WireMock's admin API. */
public final class Portal {

    private Portal() {
    }

    public static WireMock mock() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("hlf.sync.portal.base-url", String.class));
        return new WireMock(base.getHost(), base.getPort());
    }

    public static String contactPath(UUID mentorId) {
        return "/api/data/v9.2/contacts(hlf_mentorid='" + mentorId + "')";
    }

    /** PATCHes received for the mentor, oldest first. */
    public static List<ServeEvent> patches(UUID mentorId) {
        return mock().getServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().value().equals("PATCH")
                        && e.getRequest().getUrl().equals(contactPath(mentorId)))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    public static int patchCount(UUID mentorId) {
        return mock().find(patchRequestedFor(urlEqualTo(contactPath(mentorId)))).size();
    }

    public static List<ServeEvent> requests(String method, String path) {
        return mock().getServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().value().equals(method) && e.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }
}
