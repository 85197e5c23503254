package org.hlf.mentor.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hlf.mentor.events.MentorStatus;

/** pause-service's roster of one chapter, as {@code GET /api/v1/mentors?chapterId=} pages it (mentor id order). */
public final class RosterStub {

    public record Mentor(UUID mentorId, MentorStatus status, long version) {
    }

    private RosterStub() {
    }

    public static WireMock wireMock() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("hlf.sync.roster.url", String.class));
        return new WireMock(base.getHost(), base.getPort());
    }

    /** Serves the chapter's roster in pages of {@code pageSize}. */
    public static void serve(String chapterId, List<Mentor> mentors, int pageSize) {
        List<Mentor> sorted = new ArrayList<>(mentors);
        sorted.sort(Comparator.comparing(Mentor::mentorId));
        int pages = Math.max(1, (sorted.size() + pageSize - 1) / pageSize);
        for (int p = 0; p < pages; p++) {
            List<Mentor> page = sorted.subList(p * pageSize, Math.min(sorted.size(), (p + 1) * pageSize));
            String next = p + 1 < pages ? chapterId + "-page-" + (p + 1) : null;
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < page.size(); i++) {
                Mentor m = page.get(i);
                body.append(i == 0 ? "" : ",").append("{\"mentorId\":\"").append(m.mentorId())
                        .append("\",\"chapterId\":\"").append(chapterId).append("\",\"status\":\"")
                        .append(m.status()).append("\",\"version\":").append(m.version())
                        .append(",\"certificationValidUntil\":\"2030-01-01\"}");
            }
            body.append("],\"nextCursor\":").append(next == null ? "null" : "\"" + next + "\"").append('}');
            wireMock().register(get(urlPathEqualTo("/api/v1/mentors"))
                    .withQueryParam("chapterId", equalTo(chapterId))
                    .withQueryParam("cursor", p == 0 ? absent() : equalTo(chapterId + "-page-" + p))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(body.toString())));
        }
    }

    /** Roster reads of the chapter so far. */
    public static int reads(String chapterId) {
        return wireMock().find(getRequestedFor(urlPathEqualTo("/api/v1/mentors"))
                .withQueryParam("chapterId", equalTo(chapterId))).size();
    }
}
