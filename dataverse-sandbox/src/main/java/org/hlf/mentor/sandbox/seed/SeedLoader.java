package org.hlf.mentor.sandbox.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hlf.mentor.sandbox.SandboxConfig;
import org.hlf.mentor.sandbox.auth.ClientRegistration;
import org.hlf.mentor.sandbox.auth.ClientRegistry;
import org.hlf.mentor.sandbox.contacts.ContactSeed;
import org.hlf.mentor.sandbox.contacts.ContactStore;
import org.hlf.mentor.sandbox.contacts.UpsertCounts;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@code sandbox.seed-file} at start-up. A seed file that cannot be read or holds an invalid entry
 * stops the start: a demo silently missing its mentors is harder to diagnose than a failed start.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final int MAX_REPORTED_PROBLEMS = 20;

    private final SandboxConfig config;
    private final ObjectMapper json;
    private final ClientRegistry clients;
    private final ContactStore contacts;

    public SeedLoader(SandboxConfig config, ObjectMapper json, ClientRegistry clients, ContactStore contacts) {
        this.config = config;
        this.json = json;
        this.clients = clients;
        this.contacts = contacts;
    }

    void onStart(@Observes StartupEvent event) {
        config.seedFile().ifPresent(this::load);
    }

    void load(Path file) {
        SeedFile seed = read(file);
        List<String> problems = new ArrayList<>();
        List<ClientRegistration> registrations = seed.clientsOrEmpty();
        for (int i = 0; i < registrations.size(); i++) {
            String problem = registrations.get(i) == null ? "entry must be an object" : registrations.get(i).problem();
            if (problem != null) {
                problems.add("clients[" + i + "] " + problem);
            }
        }
        List<ContactSeed> seeds = seed.contactsOrEmpty();
        problems.addAll(ContactSeed.problemsIn(seeds, "contacts", MAX_REPORTED_PROBLEMS));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Seed file " + file + " is invalid: " + String.join("; ", problems));
        }
        registrations.forEach(clients::register);
        UpsertCounts counts = contacts.upsertAll(seeds);
        LOG.infof("Seeded %d contacts and %d OAuth clients from %s", counts.received(), registrations.size(), file);
    }

    /** The file is either {"clients": [...], "contacts": [...]} or just the contacts array. */
    private SeedFile read(Path file) {
        try {
            JsonNode root = json.readTree(Files.readString(file));
            if (root != null && root.isArray()) {
                return new SeedFile(List.of(), json.convertValue(root, new TypeReference<List<ContactSeed>>() { }));
            }
            return json.treeToValue(root, SeedFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read seed file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
