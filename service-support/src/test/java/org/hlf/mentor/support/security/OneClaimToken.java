package org.hlf.mentor.support.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A token with one claim (or none when its value is null), for the checks that read a single claim. */
final class OneClaimToken implements JsonWebToken {

    private final String claim;
    private final Object value;

    OneClaimToken(String claim, Object value) {
        this.claim = claim;
        this.value = value;
    }

    @Override
    public String getName() {
        return "someone";
    }

    @Override
    public Set<String> getClaimNames() {
        return value == null ? Set.of() : Set.of(claim);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return claim.equals(claimName) ? (T) value : null;
    }
}
