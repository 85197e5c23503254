package org.hlf.mentor.support.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Decorates SmallRye JWT's parser (which Quarkus's bearer authentication calls for every request) with
 * {@link VerifiedTokens}: a token verified once is not verified again until it expires. A token that fails
 * verification is never kept, so every refusal (forged, expired, wrong issuer or audience) is decided afresh.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    private final VerifiedTokens tokens = new VerifiedTokens(Clock.systemUTC());

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = tokens.get(token);
        return known != null ? known : tokens.remember(token, delegate.parse(token));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        JsonWebToken known = tokens.get(token);
        return known != null ? known : tokens.remember(token, delegate.parse(token, context));
    }
}
