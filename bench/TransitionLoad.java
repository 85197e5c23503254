import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on pause-service: POST activate / POST lift alternately over a list of mentors, at a fixed
 * concurrency, real bearer token. Op k acts on mentor k mod N and pauses on even passes (k / N), so one mentor's two
 * calls are N ops apart and never conflict, and a run may go on where an earlier one stopped (warm-up, then measure).
 * Each worker keeps one HTTP/1.1 keep-alive connection and writes the request bytes itself: like pgbench's C client,
 * the load generator should cost the shared 2 cores as little as it can (the JDK HttpClient spent ~2 ms of CPU per
 * call, a quarter of a core at 130 calls/s).
 * With LOAD_MODE=status it GETs each mentor's status instead: the floor of an authenticated call that reads the
 * database, against which a transition's cost can be judged.
 * Run with the JDK's source launcher: java bench/TransitionLoad.java BASE TOKEN_FILE IDS_FILE CONC FROM TO
 * (ops FROM inclusive to TO exclusive). Prints one line: KEY=VALUE pairs (ops, seconds, tps, p50_ms, p99_ms, max_ms,
 * errors, cpu_s: this process's CPU).
 */
public class TransitionLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = Files.readString(Path.of(args[1])).trim();
        List<String> ids = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        int concurrency = Integer.parseInt(args[3]);
        int from = Integer.parseInt(args[4]);
        int total = Integer.parseInt(args[5]);
        // LOAD_MODE=status: GET each mentor's status instead, the cheapest authenticated call that reads the database
        boolean reads = "status".equals(System.getenv("LOAD_MODE"));

        AtomicInteger next = new AtomicInteger(from);
        AtomicLong errors = new AtomicLong();
        long[] latencies = new long[total - from];
        CountDownLatch done = new CountDownLatch(concurrency);

        Runnable worker = () -> {
            Connection connection = null;
            try {
                int k;
                while ((k = next.getAndIncrement()) < total) {
                    String id = ids.get(k % ids.size());
                    boolean pause = (k / ids.size()) % 2 == 0;
                    byte[] request = reads
                            ? request("GET", base, token, "/api/v1/pause-management/" + id + "/status", null)
                            : request("POST", base, token, "/api/v1/pause-management/" + id
                                    + (pause ? "/activate" : "/lift"),
                                    pause ? "{\"reason\":\"benchmark leave\"}" : "{\"note\":\"back\"}");
                    long t0 = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(base);
                        }
                        if (connection.exchange(request) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        connection = Connection.close(connection);
                    }
                    latencies[k - from] = System.nanoTime() - t0;
                }
            } finally {
                Connection.close(connection);
                done.countDown();
            }
        };
        long t0 = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            new Thread(worker, "load-" + i).start();
        }
        done.await();
        long end = System.nanoTime();
        long[] measured = latencies.clone();
        Arrays.sort(measured);
        double seconds = (end - t0) / 1e9;
        double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        System.out.printf(Locale.ROOT,
                "ops=%d seconds=%.2f tps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d cpu_s=%.1f%n",
                measured.length, seconds, measured.length / seconds, pct(measured, 0.50), pct(measured, 0.99),
                measured[measured.length - 1] / 1e6, errors.get(), cpu);
    }

    private static byte[] request(String method, URI base, String token, String path, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + token
                + (body == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + content.length)
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the whole answer, returns its status. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(URI base) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            out = new BufferedOutputStream(socket.getOutputStream());
            in = new BufferedInputStream(socket.getInputStream());
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private String line() throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    buffer.write(b);
                }
            }
            return buffer.toString(StandardCharsets.US_ASCII);
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        static Connection close(Connection connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
            }
            return null;
        }
    }
}
