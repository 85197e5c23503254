package org.hlf.mentor.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hlf.mentor.sandbox.contacts.ContactStore;

/**
 * Ready once start-up (including the seed file) is done; the contact count lets the local run see that the sandbox
 * started empty and needs its demo contacts.
 */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    private final ContactStore contacts;

    public SandboxReadiness(ContactStore contacts) {
        this.contacts = contacts;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dynamics-sandbox").up()
                .withData("contacts", contacts.all().size())
                .build();
    }
}
