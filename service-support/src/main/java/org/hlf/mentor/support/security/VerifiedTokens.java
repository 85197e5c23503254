package org.hlf.mentor.support.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this service has verified, until they expire. A caller sends the same token with every request for
 * its lifetime; verifying its RS256 signature and parsing its claims again each time cost pause-service about 6 % of
 * its CPU (docs/benchmarks.md). Only a token that passed verification is kept, under its exact text, so a hit is the
 * same signed token; it is verified afresh once its {@code exp} has come (stricter than the verifier's clock skew).
 */
public final class VerifiedTokens {

    /** Enough for every token in use at once; beyond it the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The verified token for this text, or null when it has to be verified (first use, or expired). */
    public JsonWebToken get(String token) {
        JsonWebToken known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.getExpirationTime() <= clock.instant().getEpochSecond()) {
            verified.remove(token, known);
            return null;
        }
        return known;
    }

    /** Keeps a token that has just passed verification. */
    public JsonWebToken remember(String token, JsonWebToken parsed) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, parsed);
        return parsed;
    }

    int size() {
        return verified.size();
    }
}
