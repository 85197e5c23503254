package org.hlf.mentor.sandbox.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hlf.mentor.sandbox.contacts.ContactSeed;
import org.hlf.mentor.sandbox.contacts.ContactStore;
import org.hlf.mentor.sandbox.contacts.UpsertCounts;

import java.util.List;
import java.util.UUID;

/**
 * Seeds and inspects contacts without going through the Web API, so tests and benchmarks can set up
 * 100,000 mentors in one call and check what a sync wrote without spending their own rate limit.
 */
@Path("/sandbox/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactsAdminResource {

    private static final int MAX_REPORTED_ERRORS = 20;

    private final ContactStore store;

    public ContactsAdminResource(ContactStore store) {
        this.store = store;
    }

    /** Upserts every entry, or none: one bad entry refuses the whole list. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public UpsertCounts upsert(List<ContactSeed> contacts) {
        if (contacts == null) {
            throw new AdminRequestException("A JSON array of {\"mentorId\", \"chapterId\", \"name\", \"visible\"} is required.");
        }
        List<String> errors = ContactSeed.problemsIn(contacts, "", MAX_REPORTED_ERRORS);
        if (!errors.isEmpty()) {
            throw new AdminRequestException("Nothing was written: some entries are invalid.", errors);
        }
        return store.upsertAll(contacts);
    }

    @GET
    @Path("/{mentorId}")
    public AdminContact get(@PathParam("mentorId") String mentorId) {
        UUID id = MentorIdParam.parse(mentorId);
        return store.find(id).map(AdminContact::of)
                .orElseThrow(() -> new NotFoundException("No contact for mentor " + id + "."));
    }

    @DELETE
    @Path("/{mentorId}")
    public void delete(@PathParam("mentorId") String mentorId) {
        UUID id = MentorIdParam.parse(mentorId);
        if (!store.remove(id)) {
            throw new NotFoundException("No contact for mentor " + id + ".");
        }
    }
}
