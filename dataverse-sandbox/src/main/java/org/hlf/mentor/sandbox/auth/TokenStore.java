package org.hlf.mentor.sandbox.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hlf.mentor.sandbox.SandboxConfig;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Issues and resolves access tokens; the lifetime can be shortened at run time so clients must refresh. */
@ApplicationScoped
public class TokenStore {

    private static final int PRUNE_EVERY = 1024;

    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong issued = new AtomicLong();
    private final Clock clock;
    private volatile int lifetimeSeconds;

    @Inject
    public TokenStore(SandboxConfig config) {
        this(config.tokenLifetimeSeconds(), Clock.systemUTC());
    }

    TokenStore(int lifetimeSeconds, Clock clock) {
        this.lifetimeSeconds = lifetimeSeconds;
        this.clock = clock;
    }

    public IssuedToken issue(String clientId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int lifetime = lifetimeSeconds;
        IssuedToken token = new IssuedToken(value, clientId, clock.instant().plusSeconds(lifetime), lifetime);
        tokens.put(value, token);
        if (issued.incrementAndGet() % PRUNE_EVERY == 0) {
            pruneExpired();
        }
        return token;
    }

    /** @return the client the token was issued to, if the token is known and not expired */
    public Optional<String> clientOf(String accessToken) {
        IssuedToken token = tokens.get(accessToken);
        if (token == null) {
            return Optional.empty();
        }
        if (!token.validAt(clock.instant())) {
            tokens.remove(accessToken);
            return Optional.empty();
        }
        return Optional.of(token.clientId());
    }

    public int lifetimeSeconds() {
        return lifetimeSeconds;
    }

    /** Applies to tokens issued from now on; tokens already out keep the expiry they were issued with. */
    public void lifetimeSeconds(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("lifetimeSeconds must be at least 1");
        }
        this.lifetimeSeconds = seconds;
    }

    public void revokeAll() {
        tokens.clear();
    }

    private void pruneExpired() {
        Instant now = clock.instant();
        tokens.values().removeIf(token -> !token.validAt(now));
    }
}
