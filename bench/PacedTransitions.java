import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Open-loop load: one POST activate per mentor at a steady rate (the next call starts on schedule, whatever the
 * previous one took). Prints "mentorId,answeredAtEpochMs,status" per call, for latency measured downstream.
 * java bench/PacedTransitions.java BASE TOKEN_FILE IDS_FILE RATE_PER_SECOND
 */
public class PacedTransitions {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = Files.readString(Path.of(args[1])).trim();
        List<String> ids = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        double rate = Double.parseDouble(args[3]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        long periodMicros = (long) (1_000_000 / rate);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            pool.schedule(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/pause-management/" + id
                                + "/activate"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"latency benchmark\"}")).build();
                int status;
                try {
                    status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    status = -1;
                }
                lines.add(id + "," + System.currentTimeMillis() + "," + status);
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        lines.forEach(System.out::println);
    }
}
