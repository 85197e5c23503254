package org.hlf.mentor.sync.portal;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portal's OAuth2 client-credentials token, fetched by quarkus-oidc-client and shared: one token request
 * however many calls are in flight, a new one shortly before expiry or when the portal refuses the token.
 */
@ApplicationScoped
public class PortalTokens {

    private final OidcClient oidc;
    private final AtomicReference<Uni<Tokens>> current = new AtomicReference<>();

    public PortalTokens(OidcClient oidc) {
        this.oidc = oidc;
    }

    public Uni<String> accessToken() {
        Uni<Tokens> shared = current.get();
        Uni<Tokens> tokens = shared == null ? renew(null)
                : shared.onItem().transformToUni(t -> usable(t) ? Uni.createFrom().item(t) : renew(shared));
        return tokens.map(Tokens::getAccessToken);
    }

    /** Forgets the token the portal refused, unless another caller has already replaced it. */
    public void refused(String accessToken) {
        Uni<Tokens> shared = current.get();
        if (shared != null) {
            shared.subscribe().with(t -> {
                if (t.getAccessToken().equals(accessToken)) {
                    current.compareAndSet(shared, null);
                }
            }, failure -> current.compareAndSet(shared, null));
        }
    }

    private Uni<Tokens> renew(Uni<Tokens> seen) {
        AtomicReference<Uni<Tokens>> self = new AtomicReference<>();
        Uni<Tokens> fresh = Uni.createFrom().deferred(oidc::getTokens)
                // a failed token request must not be cached: the next call asks again
                .onFailure().invoke(() -> current.compareAndSet(self.get(), null))
                .memoize().indefinitely();
        self.set(fresh);
        if (current.compareAndSet(seen, fresh)) {
            return fresh;
        }
        Uni<Tokens> winner = current.get();
        return winner == null ? renew(null) : winner;
    }

    private static boolean usable(Tokens tokens) {
        return !tokens.isAccessTokenExpired() && !tokens.isAccessTokenWithinRefreshInterval();
    }
}
