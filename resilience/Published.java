import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resilience suite's check of what pause-service published, run with the JDK's source launcher by
 * resilience/run.sh: {@code java Published.java LOG EVENTS_FILE}. EVENTS_FILE holds the mentor-status-changed records
 * of the scenario's mentors as key|value lines in topic order (one partition per mentor), read by Kafka's console
 * consumer; LOG is the driver's. Every accepted transition must be published at least once (version 1 is the
 * registration, version 1 + i the i-th accepted transition), none invented (a version beyond them, or with another
 * status), and a mentor's versions never go back. Prints: events, unpublished, invented, reordered.
 */
public class Published {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"newStatus\"\\s*:\\s*\"([A-Z_]+)\"");

    public static void main(String[] args) throws IOException {
        // per mentor, in the order the driver sent them: is the mentor ACTIVE after each accepted transition?
        Map<String, List<Boolean>> accepted = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split(",");
            if (f.length < 6) {
                continue;
            }
            List<Boolean> mentor = accepted.computeIfAbsent(f[0], k -> new ArrayList<>());
            int status = Integer.parseInt(f[3]);
            if (status >= 200 && status < 300) {
                mentor.add("lift".equals(f[2]));
            }
        }
        Map<String, List<int[]>> seen = new HashMap<>();
        int invented = 0;
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            int bar = line.indexOf('|');
            if (bar < 0 || !accepted.containsKey(line.substring(0, bar))) {
                continue;
            }
            Matcher v = VERSION.matcher(line);
            Matcher st = STATUS.matcher(line);
            if (!v.find() || !st.find()) {
                invented++;
                continue;
            }
            seen.computeIfAbsent(line.substring(0, bar), k -> new ArrayList<>())
                    .add(new int[] {Integer.parseInt(v.group(1)), "ACTIVE".equals(st.group(1)) ? 1 : 0});
        }
        int missing = 0;
        int reordered = 0;
        int records = 0;
        for (Map.Entry<String, List<Boolean>> e : accepted.entrySet()) {
            List<Boolean> activeAfter = e.getValue();
            List<int[]> got = seen.getOrDefault(e.getKey(), List.of());
            records += got.size();
            Set<Integer> versions = new HashSet<>();
            int previous = 0;
            for (int[] event : got) {
                int version = event[0];
                boolean known = version >= 1 && version <= activeAfter.size() + 1;
                boolean expectedActive = version == 1 || (known && activeAfter.get(version - 2));
                if (!known || (event[1] == 1) != expectedActive) {
                    invented++;
                }
                if (version < previous) {
                    reordered++;
                }
                previous = Math.max(previous, version);
                versions.add(version);
            }
            for (int version = 1; version <= activeAfter.size() + 1; version++) {
                if (!versions.contains(version)) {
                    missing++;
                }
            }
        }
        System.out.printf("events=%d unpublished=%d invented=%d reordered=%d%n", records, missing, invented, reordered);
    }
}
