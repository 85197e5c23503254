package org.hlf.mentor.support.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a token whose {@code iat} lies further in the future than the allowed clock skew. SmallRye JWT checks
 * {@code exp} and {@code nbf} but accepts any {@code iat}; a token "issued" an hour from now comes from a broken or
 * forged issuer clock, and would outlive the lifetime the issuer meant to give it.
 */
@ApplicationScoped
public class IssuedInTheFuture implements SecurityIdentityAugmentor {

    private final long allowedSkewSeconds;
    private final Clock clock;

    @Inject
    public IssuedInTheFuture(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this(skewSeconds, Clock.systemUTC());
    }

    IssuedInTheFuture(long skewSeconds, Clock clock) {
        this.allowedSkewSeconds = skewSeconds;
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getIssuedAtTime() > clock.instant().getEpochSecond() + allowedSkewSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token issued in the future"));
        }
        return Uni.createFrom().item(identity);
    }
}
