import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on pause-service: POST activate / POST lift alternately over a list of mentors, at a fixed
 * concurrency, real bearer token. Op k acts on mentor k mod N, so one mentor's two calls are N ops apart and never
 * conflict. Run with the JDK's source launcher: java bench/TransitionLoad.java BASE TOKEN_FILE IDS_FILE CONC PASSES WARMUP
 * Prints one line: KEY=VALUE pairs (ops, seconds, tps, p50_ms, p99_ms, max_ms, errors).
 */
public class TransitionLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = Files.readString(Path.of(args[1])).trim();
        List<String> ids = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        int concurrency = Integer.parseInt(args[3]);
        int passes = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int total = ids.size() * passes;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long[] latencies = new long[total];
        CountDownLatch done = new CountDownLatch(concurrency);
        long[] startedAt = new long[1];
        AtomicInteger measuredFrom = new AtomicInteger(-1);

        Runnable worker = () -> {
            try {
                int k;
                while ((k = next.getAndIncrement()) < total) {
                    if (k == warmup) {
                        startedAt[0] = System.nanoTime();
                        measuredFrom.set(k);
                    }
                    String id = ids.get(k % ids.size());
                    boolean pause = (k / ids.size()) % 2 == 0;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/pause-management/" + id
                                    + (pause ? "/activate" : "/lift")))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(pause
                                    ? "{\"reason\":\"benchmark leave\"}" : "{\"note\":\"back\"}"))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[k] = System.nanoTime() - t0;
                }
            } finally {
                done.countDown();
            }
        };
        long t0 = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            new Thread(worker, "load-" + i).start();
        }
        done.await();
        long end = System.nanoTime();
        long from = measuredFrom.get() < 0 ? t0 : startedAt[0];
        long[] measured = Arrays.copyOfRange(latencies, Math.max(0, warmup), total);
        Arrays.sort(measured);
        double seconds = (end - from) / 1e9;
        System.out.printf("ops=%d seconds=%.2f tps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d%n",
                measured.length, seconds, measured.length / seconds, pct(measured, 0.50), pct(measured, 0.99),
                measured[measured.length - 1] / 1e6, errors.get());
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
