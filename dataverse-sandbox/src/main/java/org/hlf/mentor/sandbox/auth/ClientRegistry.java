package org.hlf.mentor.sandbox.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registered OAuth clients and their secrets. */
@ApplicationScoped
public class ClientRegistry {

    public enum Verdict { ACCEPTED, UNKNOWN_CLIENT, WRONG_SECRET }

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    /** @return true when the client is new, false when an existing client got a new secret */
    public boolean register(ClientRegistration registration) {
        return secrets.put(registration.clientId(), registration.clientSecret()) == null;
    }

    public Verdict verify(String clientId, String secret) {
        String expected = secrets.get(clientId);
        if (expected == null) {
            return Verdict.UNKNOWN_CLIENT;
        }
        // constant-time comparison, as any credential check should be, even in a sandbox
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
        return same ? Verdict.ACCEPTED : Verdict.WRONG_SECRET;
    }
}
