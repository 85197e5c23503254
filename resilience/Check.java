import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resilience suite's oracle, run with the JDK's source launcher by resilience/run.sh:
 * {@code java Check.java SANDBOX_URL CHAPTER IDS_FILE LOG SETTLE_SECONDS}; Published.java checks the topic.
 *
 * <p>It trusts neither service: what each mentor should show comes from the driver's log of answered requests; what
 * the portal did comes from the sandbox's public listing and request log. It waits up to SETTLE_SECONDS for the
 * listing to match, then prints one KEY=VALUE line: transitions, unanswered, refused, wrong (mentors wrong at the
 * end), stale (portal writes that no order-keeping application of the transitions sent by then explains: a mentor
 * flipped back to an older state), duplicates (repeated writes of the same value: harmless, at least once), writes,
 * settleMs, problems503.
 */
public class Check {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public static void main(String[] args) throws Exception {
        List<String> mentors = Files.readAllLines(Path.of(args[2])).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        check(args[0], args[1], mentors, Path.of(args[3]), Integer.parseInt(args[4]));
    }

    private record Transition(int round, String op, int status, long sentMs, long answeredMs) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** What the portal should show once this transition is applied. */
        boolean visible() {
            return "lift".equals(op);
        }
    }

    private record Write(long seq, long timeMs, boolean visible) {
    }

    private static void check(String sandbox, String chapter, List<String> mentors, Path log, int settleSeconds)
            throws Exception {
        Map<String, List<Transition>> history = new HashMap<>();
        for (String mentor : mentors) {
            history.put(mentor, new ArrayList<>());
        }
        int transitions = 0;
        int unanswered = 0;
        int refused = 0;
        int problems503 = 0;
        for (String line : Files.readAllLines(log)) {
            String[] f = line.split(",");
            if (f.length < 6) {
                continue;
            }
            Transition t = new Transition(Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]));
            history.get(f[0]).add(t);
            transitions++;
            problems503 += f.length > 6 ? Integer.parseInt(f[6]) : 0;
            if (t.status() == 0 || t.status() >= 500) {
                unanswered++;
            } else if (!t.accepted()) {
                refused++;
            }
        }
        Set<String> expectedVisible = new HashSet<>();
        for (String mentor : mentors) {
            boolean visible = true;
            for (Transition t : history.get(mentor)) {
                if (t.accepted()) {
                    visible = t.visible();
                }
            }
            if (visible) {
                expectedVisible.add(mentor);
            }
        }

        long settleStart = System.currentTimeMillis();
        long deadline = settleStart + settleSeconds * 1000L;
        Set<String> shown = listing(sandbox, chapter);
        while (!shown.equals(expectedVisible) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            shown = listing(sandbox, chapter);
        }
        long settleMs = System.currentTimeMillis() - settleStart;
        int wrong = 0;
        for (String mentor : mentors) {
            if (shown.contains(mentor) != expectedVisible.contains(mentor)) {
                wrong++;
                System.err.println("WRONG " + mentor + " shown=" + shown.contains(mentor) + " expected="
                        + expectedVisible.contains(mentor));
            }
        }

        int stale = 0;
        int duplicates = 0;
        int writes = 0;
        for (String mentor : mentors) {
            List<Write> portal = writes(sandbox, mentor);
            writes += portal.size();
            List<Transition> accepted = history.get(mentor).stream().filter(Transition::accepted).toList();
            // index 0 is the registration (visible); index i >= 1 is the i-th accepted transition
            int reflected = 0;
            Boolean last = null;
            for (Write w : portal) {
                if (last != null && last == w.visible()) {
                    duplicates++;
                    continue;
                }
                int sentBefore = 0;
                for (int i = 0; i < accepted.size(); i++) {
                    if (accepted.get(i).sentMs() <= w.timeMs()) {
                        sentBefore = i + 1;
                    }
                }
                // the oldest transition that explains this write keeps the most room for the writes after it: the
                // writes are in order exactly when this greedy walk never runs out of transitions sent in time
                int match = -1;
                for (int i = reflected; i <= sentBefore; i++) {
                    boolean visibleAfter = i == 0 || accepted.get(i - 1).visible();
                    if (visibleAfter == w.visible()) {
                        match = i;
                        break;
                    }
                }
                if (match < 0) {
                    stale++;
                    System.err.println("STALE " + mentor + " write seq " + w.seq() + " visible=" + w.visible()
                            + " after transition " + reflected + ", none newer sent");
                } else {
                    reflected = match;
                }
                last = w.visible();
            }
        }
        System.out.printf("transitions=%d unanswered=%d refused=%d wrong=%d stale=%d duplicates=%d writes=%d "
                + "settleMs=%d problems503=%d%n", transitions, unanswered, refused, wrong, stale, duplicates, writes,
                settleMs, problems503);
    }

    private static final Pattern MENTOR = Pattern.compile("\"mentorId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");

    private static Set<String> listing(String sandbox, String chapter) throws Exception {
        Set<String> ids = new HashSet<>();
        Matcher m = MENTOR.matcher(get(sandbox + "/public/mentors?chapterId=" + chapter));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** Successful PATCHes of the visibility column, in the order the sandbox applied them. */
    private static List<Write> writes(String sandbox, String mentor) throws Exception {
        List<Write> out = new ArrayList<>();
        Matcher m = OBJECT.matcher(get(sandbox + "/sandbox/requests?mentorId=" + mentor));
        while (m.find()) {
            String entry = m.group();
            String method = field(entry, "method");
            String status = field(entry, "status");
            String visibility = field(entry, "visibility");
            if (!"PATCH".equals(method) || visibility == null || "null".equals(visibility) || status == null
                    || !status.startsWith("2")) {
                continue;
            }
            out.add(new Write(Long.parseLong(field(entry, "seq")), Instant.parse(field(entry, "time")).toEpochMilli(),
                    Boolean.parseBoolean(visibility)));
        }
        out.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return out;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|[^,}\\s]+)").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
