package org.hlf.mentor.sandbox.contacts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact-id index behind collection reads follows every kind of write. */
class ContactStoreIndexTest {

    private final ContactStore store = new ContactStore();

    @Test
    void rowsComeInTheOrderOfTheirIdsAsText() {
        for (int i = 0; i < 200; i++) {
            put(UUID.randomUUID(), UUID.randomUUID(), true);
        }

        List<String> ids = store.inKeyOrder(null).stream().map(contact -> contact.contactId().toString()).toList();

        assertThat(ids).hasSize(200).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void updatedRowKeepsItsPlaceAndShowsItsNewState() {
        UUID low = UUID.fromString("10000000-0000-4000-8000-000000000000");
        UUID high = UUID.fromString("f0000000-0000-4000-8000-000000000000");
        UUID mentor = UUID.randomUUID();
        put(UUID.randomUUID(), low, true);
        put(mentor, high, true);

        put(mentor, high, false);

        assertThat(store.inKeyOrder(low)).singleElement()
                .satisfies(contact -> assertThat(contact.visible()).isFalse());
    }

    @Test
    void removedRowLeavesTheIndex() {
        UUID mentor = UUID.randomUUID();
        put(mentor, UUID.randomUUID(), true);

        store.remove(mentor);

        assertThat(store.inKeyOrder(null)).isEmpty();
    }

    @Test
    void rolledBackChangeSetRestoresTheIndex() {
        UUID kept = UUID.randomUUID();
        put(kept, UUID.randomUUID(), true);

        store.inTransaction(transaction -> {
            UUID created = UUID.randomUUID();
            transaction.touching(created);
            transaction.touching(kept);
            put(created, UUID.randomUUID(), true);
            put(kept, store.find(kept).orElseThrow().contactId(), false);
            transaction.rollback();
            return null;
        });

        List<Contact> rows = new ArrayList<>(store.inKeyOrder(null));
        assertThat(rows).singleElement().satisfies(contact -> {
            assertThat(contact.mentorId()).isEqualTo(kept);
            assertThat(contact.visible()).isTrue();
        });
    }

    private void put(UUID mentorId, UUID contactId, boolean visible) {
        long version = store.nextVersion();
        store.change(mentorId, current -> new Contact(current == null ? contactId : current.contactId(), mentorId,
                "oslo", "Name", visible, version, Instant.now()));
    }
}
