package org.hlf.mentor.sync.roster;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClients;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.hlf.mentor.sync.config.SyncConfig;

/**
 * The bearer token this service shows pause-service, kept until shortly before it expires: from the identity
 * provider (named OIDC client {@code roster}) in production, or signed here with the local key where there is no
 * identity provider (local run, tests).
 */
@ApplicationScoped
public class ServiceTokens {

    static final String SUBJECT = "website-sync-service";
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final SyncConfig.Roster config;
    private final OidcClients clients;
    private volatile Token cached;

    public ServiceTokens(SyncConfig config, OidcClients clients) {
        this.config = config.roster();
        this.clients = clients;
    }

    public Uni<String> bearer() {
        Token token = cached;
        if (token != null && Instant.now().plus(EARLY).isBefore(token.expiresAt())) {
            return Uni.createFrom().item("Bearer " + token.value());
        }
        Uni<Token> fresh = config.auth() == SyncConfig.Roster.Auth.SIGNED ? signed() : fromIdentityProvider();
        return fresh.invoke(t -> cached = t).map(t -> "Bearer " + t.value());
    }

    private Uni<Token> signed() {
        return Uni.createFrom().item(() -> {
            Instant expires = Instant.now().plus(config.tokenLifetime());
            String value = Jwt.issuer(config.issuer()).audience(config.audience()).subject(SUBJECT).upn(SUBJECT)
                    .groups("system").expiresAt(expires).sign();
            return new Token(value, expires);
        });
    }

    private Uni<Token> fromIdentityProvider() {
        OidcClient client = clients.getClient("roster");
        if (client == null) {
            return Uni.createFrom().failure(new IllegalStateException("hlf.sync.roster.auth=oidc needs the OIDC "
                    + "client 'roster' (quarkus.oidc-client.roster.auth-server-url, client-id, secret)"));
        }
        return client.getTokens().map(tokens -> new Token(tokens.getAccessToken(),
                tokens.getAccessTokenExpiresAt() == null ? Instant.now().plusSeconds(60)
                        : Instant.ofEpochSecond(tokens.getAccessTokenExpiresAt())));
    }

    private record Token(String value, Instant expiresAt) {
    }
}
