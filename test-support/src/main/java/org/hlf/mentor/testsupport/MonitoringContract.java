package org.hlf.mentor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the operations material uses: every PromQL expression of the alert rules
 * ({@code deploy/monitoring/prometheus-rules.yaml}, a PrometheusRule) and of the Grafana dashboard
 * ({@code deploy/monitoring/grafana-dashboard.json}), and which service must expose each one. Each service's
 * {@code MonitoringMetricsTest} checks its share against a real scrape of its {@code /q/metrics}.
 */
public final class MonitoringContract {

    public static final String PAUSE_SERVICE = "pause-service";
    public static final String WEBSITE_SYNC_SERVICE = "website-sync-service";

    /** Series Prometheus makes itself (one {@code up} per scraped target): no service exposes them. */
    public static final Set<String> FROM_PROMETHEUS = Set.of("up");

    /**
     * Which service must expose a name, by its prefix: our own meters, SmallRye Fault Tolerance's (the portal
     * client's breaker) and the Kafka consumer's (the rules watch website-sync's consumer); Quarkus's HTTP server and
     * JVM meters come from both.
     */
    private static final Map<String, Set<String>> OWNERS = Map.of(
            "website_sync_", Set.of(WEBSITE_SYNC_SERVICE),
            "ft_", Set.of(WEBSITE_SYNC_SERVICE),
            "kafka_consumer_", Set.of(WEBSITE_SYNC_SERVICE),
            "hlf_", Set.of(PAUSE_SERVICE),
            "http_server_", Set.of(PAUSE_SERVICE, WEBSITE_SYNC_SERVICE),
            "jvm_", Set.of(PAUSE_SERVICE, WEBSITE_SYNC_SERVICE),
            "process_", Set.of(PAUSE_SERVICE, WEBSITE_SYNC_SERVICE));

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    // label lists after by/without/on/ignoring/group_left/group_right hold label names, not metrics
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][\\w:]*)(\\s*\\()?");

    private MonitoringContract() {
    }

    /** The repository's root: the first directory up from the working directory that holds deploy/monitoring. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/monitoring"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/monitoring above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every PromQL expression of the rules and the dashboard, keyed by where it is (alert or panel title). */
    public static Map<String, String> expressions() {
        Map<String, String> found = new TreeMap<>();
        try {
            JsonNode rules = new YAMLMapper().readTree(root().resolve("deploy/monitoring/prometheus-rules.yaml")
                    .toFile());
            for (JsonNode group : rules.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.hasNonNull("alert") ? rule.get("alert").asText() : rule.path("record").asText();
                    found.put("rule " + name, rule.path("expr").asText());
                }
            }
            JsonNode dashboard = new ObjectMapper().readTree(root().resolve("deploy/monitoring/grafana-dashboard.json")
                    .toFile());
            collectTargets(dashboard, "", found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no expressions found in deploy/monitoring");
        }
        return found;
    }

    private static void collectTargets(JsonNode node, String title, Map<String, String> found) {
        if (node.isObject()) {
            String here = node.hasNonNull("title") ? node.get("title").asText() : title;
            if (node.hasNonNull("expr")) {
                found.put("panel " + here + " " + node.path("refId").asText(), node.get("expr").asText());
            }
            node.fields().forEachRemaining(field -> collectTargets(field.getValue(), here, found));
        } else if (node.isArray()) {
            node.forEach(child -> collectTargets(child, title, found));
        }
    }

    /**
     * The metric names one PromQL expression reads: its identifiers once string literals, label matchers, range
     * selectors and label lists are taken out, less functions (an identifier followed by "(") and keywords.
     */
    public static Set<String> metricNames(String promql) {
        String text = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "{}")
                .replaceAll("\\[[^]]*]", "[]");
        text = LABEL_LIST.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (m.group(2) == null && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric name the monitoring material reads, with where it is read. */
    public static Map<String, List<String>> usedMetrics() {
        Map<String, List<String>> used = new TreeMap<>();
        expressions().forEach((where, expr) -> metricNames(expr)
                .forEach(name -> used.computeIfAbsent(name, n -> new ArrayList<>()).add(where)));
        return used;
    }

    /** The names of the samples of a Prometheus text exposition ({@code /q/metrics}). */
    public static Set<String> exposed(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /** The services that must expose the name; none for a name no service is known to make (a misspelling). */
    public static Set<String> owners(String name) {
        return OWNERS.entrySet().stream().filter(e -> name.startsWith(e.getKey())).findFirst()
                .map(Map.Entry::getValue).orElse(Set.of());
    }

    /** Used names that no service makes and Prometheus does not make either, with where they are read. */
    public static Map<String, List<String>> unowned() {
        Map<String, List<String>> unowned = new TreeMap<>();
        usedMetrics().forEach((name, where) -> {
            if (owners(name).isEmpty() && !FROM_PROMETHEUS.contains(name)) {
                unowned.put(name, where);
            }
        });
        return unowned;
    }

    /** Used names the service must expose but its scrape lacks, with where they are read. */
    public static Map<String, List<String>> missing(String scrape, String service) {
        Set<String> exposed = exposed(scrape);
        Map<String, List<String>> missing = new TreeMap<>();
        usedMetrics().forEach((name, where) -> {
            if (owners(name).contains(service) && !exposed.contains(name)) {
                missing.put(name, where);
            }
        });
        return missing;
    }

    /** How many used names the service must expose (a test that checks none checks nothing). */
    public static long ownedBy(String service) {
        return usedMetrics().keySet().stream().filter(name -> owners(name).contains(service)).count();
    }
}
