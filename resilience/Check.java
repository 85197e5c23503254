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
 * overlaps (writes to one contact in flight at once), settleMs, problems503, serverErrors (5xx answers other than a 503
 * problem, repeated by the driver: the service failing instead of saying it is unavailable).
 * {@code java Check.java --throttle ...} checks Retry-After instead (see {@link #throttle}).
 */
public class Check {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--throttle")) {
            throttle(args[1], args[2], Instant.parse(args[3]), Instant.parse(args[4]), Integer.parseInt(args[5]));
            return;
        }
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

    private record Write(long seq, long receivedMs, long timeMs, boolean visible) {
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
        int serverErrors = 0;
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
            serverErrors += f.length > 8 ? Integer.parseInt(f[8]) : 0;
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
        int overlaps = 0;
        for (String mentor : mentors) {
            List<Write> portal = writes(sandbox, mentor);
            writes += portal.size();
            overlaps += overlaps(mentor, portal);
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
                + "overlaps=%d settleMs=%d problems503=%d serverErrors=%d%n", transitions, unanswered, refused, wrong,
                stale, duplicates, writes, overlaps, settleMs, problems503, serverErrors);
    }

    /**
     * Writes to one contact that were in flight at the same time (one arrived before the one ahead of it was
     * answered): two writers at once, whose order the portal, not the system, decided.
     */
    private static int overlaps(String mentor, List<Write> portal) {
        List<Write> byArrival = new ArrayList<>(portal);
        byArrival.sort((a, b) -> Long.compare(a.receivedMs(), b.receivedMs()));
        int overlaps = 0;
        long busyUntil = Long.MIN_VALUE;
        for (Write w : byArrival) {
            if (w.receivedMs() < busyUntil) {
                overlaps++;
                System.err.println("OVERLAP " + mentor + " write seq " + w.seq() + " arrived before the one ahead"
                        + " was answered");
            }
            busyUntil = Math.max(busyUntil, w.timeMs());
        }
        return overlaps;
    }

    /**
     * Scenario 6's check, from the sandbox's request log alone: the data calls of CLIENT that arrived between FROM
     * and TO, how many were answered 429, and how many were sent after a 429 answer but sooner than its RETRY_AFTER
     * seconds ("early": Dataverse's Retry-After is about the caller, so a well-behaved client holds every call, not
     * only the refused one; a call arriving within 100 ms of the answer was under way before the client knew).
     * Prints calls, throttled, early, minGapMs (shortest wait after a 429), callsPerSecond.
     */
    private static void throttle(String sandbox, String client, Instant from, Instant to, int retryAfterSeconds)
            throws Exception {
        record Call(long seq, long receivedMs, long timeMs, int status) {
        }
        Map<String, Call> byRequest = new HashMap<>();
        Matcher m = OBJECT.matcher(get(sandbox + "/sandbox/requests?clientId=" + client));
        while (m.find()) {
            String entry = m.group();
            String path = field(entry, "path");
            long received = Instant.parse(field(entry, "receivedAt")).toEpochMilli();
            if (path == null || path.contains("/oauth2/") || received < from.toEpochMilli()
                    || received > to.toEpochMilli()) {
                continue;
            }
            // a $batch logs itself first, then its parts under the same requestId: the first is the call
            byRequest.putIfAbsent(field(entry, "requestId"), new Call(Long.parseLong(field(entry, "seq")), received,
                    Instant.parse(field(entry, "time")).toEpochMilli(), Integer.parseInt(field(entry, "status"))));
        }
        List<Call> calls = new ArrayList<>(byRequest.values());
        calls.sort((a, b) -> Long.compare(a.receivedMs(), b.receivedMs()));
        int throttled = 0;
        int early = 0;
        long minGap = Long.MAX_VALUE;
        for (int i = 0; i < calls.size(); i++) {
            Call refused = calls.get(i);
            if (refused.status() != 429) {
                continue;
            }
            throttled++;
            for (int j = i + 1; j < calls.size(); j++) {
                long gap = calls.get(j).receivedMs() - refused.timeMs();
                if (gap >= 0) {
                    minGap = Math.min(minGap, gap);
                    // a call that arrived within 100 ms of the 429 was under way before the client could know of it
                    if (gap > 100 && gap < retryAfterSeconds * 1000L - 50) {
                        early++;
                        System.err.println("EARLY call seq " + calls.get(j).seq() + " " + gap + " ms after the 429 of"
                                + " seq " + refused.seq());
                    }
                    break;
                }
            }
        }
        double seconds = Math.max(1, to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        System.out.printf("calls=%d throttled=%d early=%d minGapMs=%d callsPerSecond=%.1f%n", calls.size(), throttled,
                early, minGap == Long.MAX_VALUE ? -1 : minGap, calls.size() / seconds);
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
            out.add(new Write(Long.parseLong(field(entry, "seq")),
                    Instant.parse(field(entry, "receivedAt")).toEpochMilli(),
                    Instant.parse(field(entry, "time")).toEpochMilli(), Boolean.parseBoolean(visibility)));
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
