package org.hlf.mentor.sandbox.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hlf.mentor.sandbox.auth.ClientRegistry;
import org.hlf.mentor.sandbox.contacts.ContactStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedLoaderTest {

    private final ClientRegistry clients = new ClientRegistry();
    private final ContactStore contacts = new ContactStore();
    private final SeedLoader loader = new SeedLoader(null, new ObjectMapper().findAndRegisterModules(), clients, contacts);

    @TempDir
    Path dir;

    @Test
    void invalidEntryStopsTheStartAndSeedsNothing() throws IOException {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, "{\"clients\": [{\"clientId\": \"c\", \"clientSecret\": \"s\"}], \"contacts\": ["
                + "{\"mentorId\": \"" + UUID.randomUUID() + "\", \"chapterId\": \"oslo\", \"name\": \"Ok\"},"
                + "{\"mentorId\": \"" + UUID.randomUUID() + "\", \"chapterId\": \"oslo\"}]}");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contacts[1] name is required");
        assertThat(contacts.all()).isEmpty();
        assertThat(clients.verify("c", "s")).isEqualTo(ClientRegistry.Verdict.UNKNOWN_CLIENT);
    }

    @Test
    void aBareArrayIsAListOfContacts() throws IOException {
        UUID mentorId = UUID.randomUUID();
        Path file = dir.resolve("contacts.json");
        Files.writeString(file, "[{\"mentorId\": \"" + mentorId + "\", \"chapterId\": \"bergen\", \"name\": \"Bare\"}]");

        loader.load(file);

        assertThat(contacts.find(mentorId)).get().satisfies(contact -> {
            assertThat(contact.chapterId()).isEqualTo("bergen");
            assertThat(contact.visible()).isTrue();
        });
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot read seed file");
    }
}
