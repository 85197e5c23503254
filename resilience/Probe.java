import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Scenario 12 of the resilience suite, run with the JDK's source launcher and Jackson on the class path (the Kafka
 * tools' class path has it): {@code java -cp CP Probe.java KEYS_DIR ISSUER AUDIENCE CHAPTER MENTOR SERVICE_URL...}.
 *
 * <p>Every operation each service's OpenAPI document lists (so a new endpoint is probed without editing this file) is
 * called without a token and with a forged, an expired, a wrong-issuer, a wrong-audience, an {@code alg=none}, an
 * HS256-signed-with-the-public-key and a future-{@code iat} token (each 401); with every role the document does not
 * list for it (403); as a coordinator of another chapter (404 for a mentor, which stays invisible; 403 for a
 * chapter's list); and, with a token that may call it, with an oversized (413), a malformed, a wrongly typed and an
 * unknown-field body (400). The wrongly typed and unknown-field bodies are otherwise valid, so a service that
 * coerced or ignored would act on them, which the suite's database snapshots would show. Every refusal must be
 * problem+json. MENTOR is an ACTIVE mentor of CHAPTER. Prints {@code operations=N probes=N wrong=N}; each wrong
 * answer on stderr.
 */
public class Probe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private static final List<String> ROLES = List.of("coordinator", "admin", "system", "ops");
    private static final String OTHER_CHAPTER = "probe-other-chapter";

    private static PrivateKey key;
    private static String publicPem;
    private static String issuer;
    private static String audience;
    private static String chapter;
    private static String mentor;
    private static int probes;
    private static int wrong;

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(args[0]);
        publicPem = Files.readString(keys.resolve("public.pem"));
        key = privateKey(Files.readString(keys.resolve("private.pem")));
        issuer = args[1];
        audience = args[2];
        chapter = args[3];
        mentor = args[4];
        int operations = 0;
        for (int i = 5; i < args.length; i++) {
            Map<String, Object> doc = asMap(JSON.readValue(get(args[i] + "/q/openapi?format=json"), Map.class));
            for (Map.Entry<String, Object> path : asMap(doc.get("paths")).entrySet()) {
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (Map.Entry<String, Object> op : asMap(path.getValue()).entrySet()) {
                    if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                        operations++;
                        probe(args[i], path.getKey(), op.getKey().toUpperCase(), asMap(op.getValue()), doc);
                    }
                }
            }
        }
        System.out.printf("operations=%d probes=%d wrong=%d%n", operations, probes, wrong);
    }

    private static void probe(String base, String template, String method, Map<String, Object> op,
            Map<String, Object> doc) throws Exception {
        String url = base + template.replace("{mentorId}", mentor).replace("{runId}", UUID.randomUUID().toString());
        boolean hasBody = op.containsKey("requestBody");
        // a body that would be obeyed, so a refusal that is missing shows as an effect, not as a 400
        String validBody = hasBody ? json(sample(schemaOf(op, doc), doc, false)) : null;
        String name = method + " " + template;
        long now = Instant.now().getEpochSecond();
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("no token", null);
        broken.put("forged (another key)", rs256(claims("admin", chapter, now, now + 600, issuer, audience),
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()));
        broken.put("expired", rs256(claims("admin", chapter, now - 7200, now - 3600, issuer, audience), key));
        broken.put("wrong issuer", rs256(claims("admin", chapter, now, now + 600, "https://evil.example", audience), key));
        broken.put("wrong audience", rs256(claims("admin", chapter, now, now + 600, issuer, "another-api"), key));
        broken.put("alg=none", unsigned(claims("admin", chapter, now, now + 600, issuer, audience)));
        broken.put("HS256 with the public key", hs256(claims("admin", chapter, now, now + 600, issuer, audience)));
        broken.put("issued an hour ahead", rs256(claims("admin", chapter, now + 3600, now + 7200, issuer, audience), key));
        for (Map.Entry<String, String> token : broken.entrySet()) {
            expect(name, token.getKey(), call(method, url, token.getValue(), validBody), 401);
        }

        List<String> allowed = roles(op, name);
        for (String role : ROLES) {
            if (!allowed.isEmpty() && !allowed.contains(role)) {
                expect(name, "role " + role, call(method, url, valid(role, chapter), validBody), 403);
            }
        }
        if (allowed.contains("coordinator")) {
            String outsider = valid("coordinator", OTHER_CHAPTER);
            if (template.contains("{mentorId}")) {
                expect(name, "coordinator of another chapter", call(method, url, outsider, validBody), 404);
            } else if (hasParameter(op, "chapterId")) {
                expect(name, "coordinator asking for another chapter",
                        call(method, url + "?chapterId=" + chapter, outsider, validBody), 403);
            }
        }

        if (hasBody) {
            String caller = valid(allowed.isEmpty() || allowed.contains("coordinator") ? "coordinator"
                    : allowed.get(0), chapter);
            Object schema = schemaOf(op, doc);
            expect(name, "body without a Content-Type", callWithoutType(method, url, caller, validBody), 415);
            // DESIGN.md: an oversized body is a 400 (pause-service); 413 is as clear
            expect(name, "oversized body", call(method, url, caller, "{\"reason\":\"" + "x".repeat(2_000_000) + "\"}"),
                    400, 413);
            expect(name, "malformed body", call(method, url, caller, "{\"reason\": "), 400);
            Object typed = sample(schema, doc, true);
            if (typed != null) {
                expect(name, "wrongly typed body " + json(typed), call(method, url, caller, json(typed)),
                        400);
            }
            Object unknown = sample(schema, doc, false);
            addUnknownField(unknown);
            expect(name, "unknown field " + json(unknown), call(method, url, caller, json(unknown)), 400);
        }
    }

    private static void expect(String operation, String probe, HttpResponse<String> answer, int... statuses) {
        probes++;
        String type = answer.headers().firstValue("Content-Type").orElse("");
        int status = statuses[0];
        boolean expected = java.util.Arrays.stream(statuses).anyMatch(s -> s == answer.statusCode());
        if (!expected || !type.startsWith("application/problem+json")) {
            wrong++;
            String body = answer.body();
            System.err.printf("WRONG %s %s: expected %d problem+json, got %d %s %s%n", operation,
                    probe.length() > 120 ? probe.substring(0, 120) + "..." : probe, status, answer.statusCode(), type,
                    body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private static HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> callWithoutType(String method, String url, String token, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- request bodies from the document's schemas ----------------------------------------------------------------

    private static Object schemaOf(Map<String, Object> op, Map<String, Object> doc) {
        Map<String, Object> content = asMap(asMap(op.get("requestBody")).get("content"));
        return asMap(content.get("application/json")).get("schema");
    }

    /**
     * A body the schema accepts, filled with values that fit this probe's mentor and chapter; with {@code mistyped},
     * the first scalar property gets a value of another JSON type (null when there is none to mistype).
     */
    private static Object sample(Object schemaRef, Map<String, Object> doc, boolean mistyped) {
        Map<String, Object> schema = resolve(schemaRef, doc);
        if ("array".equals(schema.get("type"))) {
            Object item = sample(schema.get("items"), doc, mistyped);
            return item == null ? null : new ArrayList<>(List.of(item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        boolean done = !mistyped;
        for (Map.Entry<String, Object> property : asMap(schema.getOrDefault("properties", Map.of())).entrySet()) {
            Map<String, Object> type = resolve(property.getValue(), doc);
            Object value = value(property.getKey(), type);
            if (!done && value != null) {
                value = value instanceof String ? (Object) 42 : value.toString();
                done = true;
            }
            if (value != null) {
                body.put(property.getKey(), value);
            }
        }
        return done ? body : null;
    }

    private static Object value(String name, Map<String, Object> type) {
        Object format = type.get("format");
        return switch (String.valueOf(type.get("type"))) {
            case "boolean" -> Boolean.FALSE;
            case "integer" -> 1;
            case "string" -> "uuid".equals(format) ? mentor
                    : "date".equals(format) ? LocalDate.now().plusDays(30).toString()
                    : "date-time".equals(format) ? (name.equals("to") ? "2020-01-02T00:00:00Z" : "2020-01-01T00:00:00Z")
                    : type.get("enum") instanceof List<?> values ? values.get(0)
                    : name.equals("chapterId") ? chapter
                    : name.equals("cursor") ? null
                    : "resilience probe";
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static void addUnknownField(Object body) {
        if (body instanceof List<?> list) {
            addUnknownField(list.get(0));
        } else {
            ((Map<String, Object>) body).put("probeUnknownField", "mass assignment");
        }
    }

    private static Map<String, Object> resolve(Object schema, Map<String, Object> doc) {
        Map<String, Object> s = asMap(schema);
        Object ref = s.get("$ref");
        if (ref == null) {
            return s;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return resolve(asMap(asMap(doc.get("components")).get("schemas")).get(name), doc);
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Map<String, Object> op, String name) {
        Object security = op.get("security");
        if (security instanceof List<?> requirements && !requirements.isEmpty()
                && asMap(requirements.get(0)).get("jwt") instanceof List<?> roles) {
            return (List<String>) roles;
        }
        throw new IllegalStateException(name + " has no security requirement of the jwt scheme in the OpenAPI document");
    }

    private static boolean hasParameter(Map<String, Object> op, String name) {
        if (op.get("parameters") instanceof List<?> parameters) {
            return parameters.stream().anyMatch(p -> name.equals(asMap(p).get("name")));
        }
        return false;
    }

    // --- tokens ----------------------------------------------------------------------------------------------------

    private static String valid(String role, String tokenChapter) throws Exception {
        long now = Instant.now().getEpochSecond();
        return rs256(claims(role, tokenChapter, now, now + 600, issuer, audience), key);
    }

    private static String claims(String role, String tokenChapter, long iat, long exp, String iss, String aud) {
        return "{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"probe-%s\",\"upn\":\"probe-%s\",\"groups\":[\"%s\"],"
                .formatted(iss, aud, role, role, role)
                + "\"chapters\":[\"%s\"],\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}".formatted(tokenChapter, iat, exp,
                        UUID.randomUUID());
    }

    private static String rs256(String claims, PrivateKey signer) throws Exception {
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signer);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String unsigned(String claims) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".";
    }

    /** The key-confusion attack: the public key's PEM text used as an HMAC secret. */
    private static String hs256(String claims) throws Exception {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicPem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
