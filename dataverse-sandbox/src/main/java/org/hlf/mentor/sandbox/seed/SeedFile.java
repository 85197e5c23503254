package org.hlf.mentor.sandbox.seed;

import org.hlf.mentor.sandbox.auth.ClientRegistration;
import org.hlf.mentor.sandbox.contacts.ContactSeed;

import java.util.List;

/** The seed file: the same contacts the admin API takes, plus the OAuth clients to register. */
public record SeedFile(List<ClientRegistration> clients, List<ContactSeed> contacts) {

    public List<ClientRegistration> clientsOrEmpty() {
        return clients == null ? List.of() : clients;
    }

    public List<ContactSeed> contactsOrEmpty() {
        return contacts == null ? List.of() : contacts;
    }
}
