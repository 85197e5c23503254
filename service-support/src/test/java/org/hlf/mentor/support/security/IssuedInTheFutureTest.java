package org.hlf.mentor.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token may be issued up to the clock skew ahead of our clock, not further. */
class IssuedInTheFutureTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final IssuedInTheFuture check = new IssuedInTheFuture(30, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenIssuedWithinTheSkewPasses() {
        QuarkusSecurityIdentity identity = identity(NOW.plusSeconds(30));
        assertThat(check.augment(identity, null).await().indefinitely()).isSameAs(identity);
    }

    @Test
    void aTokenIssuedBeyondTheSkewIsRefused() {
        assertThatThrownBy(() -> check.augment(identity(NOW.plusSeconds(31)), null).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private static QuarkusSecurityIdentity identity(Instant issuedAt) {
        JsonWebToken token = new OneClaimToken("iat", issuedAt.getEpochSecond());
        return QuarkusSecurityIdentity.builder().setPrincipal(token).build();
    }
}
