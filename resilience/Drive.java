import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resilience suite's driver, run with the JDK's source launcher by resilience/run.sh:
 * {@code java Drive.java PAUSE_URLS TOKEN_FILE IDS_FILE ROUNDS CONCURRENCY RATE LOG}.
 *
 * <p>PAUSE_URLS is one base URL or several, comma-separated (replicas): requests are spread over them, and a request
 * that got no answer or a 5xx goes to the next one, as a load balancer in front of replicas would do.
 *
 * <p>Each mentor is paused and lifted in turn, ROUNDS transitions each, CONCURRENCY workers, about RATE transitions/s
 * in all. Every request carries an Idempotency-Key fixed per (mentor, round) and is repeated with it until it gets a
 * final answer (2xx or 4xx), so a request whose answer was lost (a killed service, a broken connection) still has a
 * known outcome. One log line per transition: mentor,round,op,status,sentMs,answeredMs,problems503,noAnswer,
 * serverErrors (answers 5xx other than a 503 problem: the service failing, not saying it is unavailable).
 */
public class Drive {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public static void main(String[] args) throws Exception {
        List<String> mentors = Files.readAllLines(Path.of(args[2])).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        drive(List.of(args[0].split(",")), Files.readString(Path.of(args[1])).trim(), mentors, Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Double.parseDouble(args[5]), Path.of(args[6]));
    }

    private static void drive(List<String> bases, String token, List<String> mentors, int rounds, int concurrency,
            double rate, Path log) throws Exception {
        Files.writeString(log, "");
        long gapMs = Math.max(0, Math.round(1000.0 * concurrency / rate));
        CountDownLatch done = new CountDownLatch(concurrency);
        AtomicInteger failures = new AtomicInteger();
        for (int w = 0; w < concurrency; w++) {
            List<String> own = new ArrayList<>();
            for (int i = w; i < mentors.size(); i += concurrency) {
                own.add(mentors.get(i));
            }
            new Thread(() -> {
                try {
                    for (int round = 0; round < rounds; round++) {
                        for (String mentor : own) {
                            long started = System.currentTimeMillis();
                            transition(bases, token, mentor, round, log);
                            long left = gapMs - (System.currentTimeMillis() - started);
                            if (left > 0) {
                                Thread.sleep(left);
                            }
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        if (failures.get() > 0) {
            System.exit(1);
        }
    }

    /** Round 0 pauses, round 1 lifts, and so on: the mentor starts ACTIVE. */
    private static void transition(List<String> bases, String token, String mentor, int round, Path log)
            throws Exception {
        String op = round % 2 == 0 ? "activate" : "lift";
        String body = round % 2 == 0 ? "{\"reason\":\"resilience round " + round + "\"}" : "{}";
        String key = UUID.nameUUIDFromBytes((mentor + "/" + round).getBytes()).toString();
        long sent = System.currentTimeMillis();
        long deadline = sent + 300_000;
        int status = 0;
        int problems503 = 0;
        int noAnswer = 0;
        int serverErrors = 0;
        int attempt = Math.floorMod(key.hashCode(), bases.size());
        while (System.currentTimeMillis() < deadline) {
            String base = bases.get(attempt++ % bases.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/pause-management/" + mentor + "/"
                    + op)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status < 500 && status != 429 && status != 408) {
                    break;
                }
                if (status == 503 && response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    problems503++;
                } else if (status >= 500) {
                    serverErrors++;
                }
            } catch (IOException e) {
                status = 0;
                noAnswer++;
            }
            Thread.sleep(250);
        }
        String line = String.join(",", mentor, Integer.toString(round), op, Integer.toString(status),
                Long.toString(sent), Long.toString(System.currentTimeMillis()), Integer.toString(problems503),
                Integer.toString(noAnswer), Integer.toString(serverErrors)) + "\n";
        synchronized (Drive.class) {
            Files.writeString(log, line, StandardOpenOption.APPEND);
        }
    }
}
