package org.hlf.mentor.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A verified token is reused until it expires, never beyond, and the cache stays bounded. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void verifiedTokenIsReusedUntilItExpires() {
        var tokens = new VerifiedTokens(Clock.fixed(NOW, ZoneOffset.UTC));
        JsonWebToken parsed = token(NOW.plusSeconds(60));
        tokens.remember("a.b.c", parsed);
        assertThat(tokens.get("a.b.c")).isSameAs(parsed);
        assertThat(tokens.get("a.b.x")).as("another text is another token").isNull();
    }

    @Test
    void expiredTokenIsVerifiedAfresh() {
        var tokens = new VerifiedTokens(Clock.fixed(NOW, ZoneOffset.UTC));
        tokens.remember("a.b.c", token(NOW));
        assertThat(tokens.get("a.b.c")).isNull();
        assertThat(tokens.size()).as("the expired entry is dropped").isZero();
    }

    @Test
    void cacheStartsOverRatherThanGrowBeyondItsBound() {
        var tokens = new VerifiedTokens(Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES + 5; i++) {
            tokens.remember("t" + i, token(NOW.plusSeconds(600)));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
    }

    private static JsonWebToken token(Instant expires) {
        return new OneClaimToken("exp", expires.getEpochSecond());
    }
}
