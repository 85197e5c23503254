package org.hlf.mentor.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Real RS256 tokens for tests, signed with the test key pair the services trust under the test profile
 * ({@code jwt/test-public.pem}), plus the broken ones a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.hlf.test";
    public static final String AUDIENCE = "hlf-mentor-status";
    private static final String KEY = "jwt/test-private.pem";
    private static final String FOREIGN_KEY = "jwt/foreign-private.pem";

    private TestTokens() {
    }

    public static String coordinator(String... chapters) {
        return token("coordinator-" + UUID.randomUUID(), Set.of("coordinator"), List.of(chapters));
    }

    public static String admin() {
        return token("admin-" + UUID.randomUUID(), Set.of("admin"), List.of());
    }

    public static String system() {
        return token("system-" + UUID.randomUUID(), Set.of("system"), List.of());
    }

    public static String ops() {
        return token("ops-" + UUID.randomUUID(), Set.of("ops"), List.of());
    }

    public static String token(String subject, Set<String> groups, List<String> chapters) {
        return claims(subject, groups, chapters).sign(KEY);
    }

    public static String expired() {
        Instant now = Instant.now();
        return claims("late-" + UUID.randomUUID(), Set.of("admin"), List.of())
                .issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign(KEY);
    }

    /** Signed correctly, but "issued" an hour from now. */
    public static String issuedInTheFuture() {
        Instant now = Instant.now();
        return claims("early-" + UUID.randomUUID(), Set.of("admin"), List.of())
                .issuedAt(now.plusSeconds(3600)).expiresAt(now.plusSeconds(7200)).sign(KEY);
    }

    /** HS256 with the service's public key as the HMAC secret: the classic algorithm-confusion forgery. */
    public static String hs256WithPublicKey() {
        return claims("x", Set.of("admin"), List.of()).signWithSecret(publicKeyPem());
    }

    public static String wrongIssuer() {
        return claims("x", Set.of("admin"), List.of()).issuer("https://evil.example").sign(KEY);
    }

    public static String wrongAudience() {
        return claims("x", Set.of("admin"), List.of()).audience("another-service").sign(KEY);
    }

    public static String signedByForeignKey() {
        return claims("x", Set.of("admin"), List.of()).sign(FOREIGN_KEY);
    }

    /** {@code alg: none}: a token anyone can forge; it must never be accepted. */
    public static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = ("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"forger\",\"groups\":[\"admin\"],"
                + "\"iat\":%d,\"exp\":%d}").formatted(ISSUER, AUDIENCE, now, now + 600);
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String publicKeyPem() {
        try (InputStream pem = TestTokens.class.getClassLoader().getResourceAsStream("jwt/test-public.pem")) {
            return new String(pem.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> groups, List<String> chapters) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(groups)
                .claim("chapters", chapters).expiresIn(3600);
    }
}
