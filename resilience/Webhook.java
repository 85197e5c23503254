import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The on-call end of website-sync's alert webhook for the resilience suite, run with the JDK's source launcher:
 * {@code java Webhook.java PORT FILE}. Every POST it receives becomes one line of FILE: the time it arrived, a tab,
 * the body on one line. The suite counts firing and resolved messages there, so the alert path is checked as an
 * on-call receiver sees it, not by the service's own bookkeeping.
 */
public class Webhook {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        Files.writeString(file, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 16);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("[\r\n]+", " ");
                if ("POST".equals(exchange.getRequestMethod())) {
                    synchronized (Webhook.class) {
                        Files.writeString(file, Instant.now() + "\t" + body + "\n", StandardOpenOption.APPEND);
                    }
                }
                exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 204 : 405, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }
}
