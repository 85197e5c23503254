package org.hlf.mentor.sandbox.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import org.hlf.mentor.sandbox.odata.ODataErrors;
import org.hlf.mentor.sandbox.odata.ODataException;
import org.hlf.mentor.sandbox.odata.ODataResult;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * PATCH and GET on one contact with Dataverse's semantics. Used for top-level calls and for the
 * operations inside a {@code $batch}, so both answer identically.
 */
@ApplicationScoped
public class ContactOperations {

    private final ContactStore store;
    private final ContactColumns columns;

    public ContactOperations(ContactStore store, ContactColumns columns) {
        this.store = store;
        this.columns = columns;
    }

    public ContactColumns columns() {
        return columns;
    }

    /**
     * {@code If-Match: *} updates only, {@code If-None-Match: *} creates only, neither upserts; an ETag in
     * If-Match is optimistic concurrency.
     */
    public Outcome patch(ContactRequest request, ContactStore.Transaction transaction) {
        UUID mentorId = null;
        try {
            mentorId = ContactAddress.parse(request.segment(), columns).mentorId();
            ContactChange change = columns.parseChange(request.body(), mentorId);
            if (transaction != null) {
                transaction.touching(mentorId);
            }
            Write write = write(mentorId, change, request.ifMatch(), request.ifNoneMatch());
            if (write.refusal() != null) {
                return new Outcome(mentorId, null, write.refusal());
            }
            Contact written = write.contact();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("OData-EntityId", request.serviceRoot() + "/" + columns.entitySet() + "(" + written.contactId() + ")");
            ODataResult answer = request.wantsRepresentation()
                    ? ODataResult.json(write.created() ? 201 : 200, withPreferenceApplied(headers),
                            representation(written, columns.readable(), request.serviceRoot(), null))
                    : ODataResult.noContent(headers);
            return new Outcome(mentorId, change.visible(), answer);
        } catch (ODataException e) {
            return new Outcome(mentorId, null, e.result());
        }
    }

    public Outcome get(ContactRequest request) {
        UUID mentorId = null;
        try {
            mentorId = ContactAddress.parse(request.segment(), columns).mentorId();
            Set<String> select = columns.select(request.select());
            UUID id = mentorId;
            return store.find(mentorId)
                    .map(contact -> new Outcome(id, null, ODataResult.json(200, Map.of(),
                            representation(contact, select, request.serviceRoot(), request.select()))))
                    .orElseGet(() -> new Outcome(id, null, notFound()));
        } catch (ODataException e) {
            return new Outcome(mentorId, null, e.result());
        }
    }

    private Write write(UUID mentorId, ContactChange change, String ifMatch, String ifNoneMatch) {
        boolean updateOnly = ifMatch != null;
        boolean createOnly = "*".equals(trim(ifNoneMatch));
        long version = store.nextVersion();
        Instant now = store.now();
        UUID freshId = UUID.randomUUID();
        ODataResult[] refusal = new ODataResult[1];
        Contact after = store.change(mentorId, current -> {
            refusal[0] = null;
            if (current == null && updateOnly) {
                refusal[0] = notFound();
                return null;
            }
            if (current != null && createOnly) {
                refusal[0] = ODataErrors.error(412, ODataErrors.DUPLICATE_RECORD, "A record with matching key values already exists.");
                return current;
            }
            if (current != null && updateOnly && !etagMatches(ifMatch, current)) {
                refusal[0] = ODataErrors.error(412, ODataErrors.VERSION_MISMATCH,
                        "The version of the existing record doesn't match the RowVersion property provided.");
                return current;
            }
            return change.applyTo(current, mentorId, freshId, version, now);
        });
        return new Write(after, after != null && after.contactId().equals(freshId), refusal[0]);
    }

    private static boolean etagMatches(String ifMatch, Contact current) {
        return Arrays.stream(ifMatch.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current.etag()) || tag.equals(current.etag().substring(2)));
    }

    private ODataResult notFound() {
        return ODataErrors.error(404, ODataErrors.RECORD_NOT_FOUND,
                "A record with the specified key values does not exist in " + columns.entityType().substring(
                        "Microsoft.Dynamics.CRM.".length()) + " entity");
    }

    private String representation(Contact contact, Set<String> select, String serviceRoot, String selectText) {
        String projection = selectText == null || selectText.isBlank() ? "" : "(" + selectText.replace(" ", "") + ")";
        return ContactJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("@odata.context", serviceRoot + "/$metadata#" + columns.entitySet() + projection + "/$entity");
            ContactJson.writeFields(json, contact, select, columns);
            json.writeEndObject();
        });
    }

    private static Map<String, String> withPreferenceApplied(Map<String, String> headers) {
        headers.put("Preference-Applied", "return=representation");
        return headers;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private record Write(Contact contact, boolean created, ODataResult refusal) {
    }

    /**
     * What one operation did.
     *
     * @param mentorId the mentor addressed, null when the URL named none
     * @param written  the visibility now stored, null when nothing was written
     */
    public record Outcome(UUID mentorId, Boolean written, ODataResult answer) {
    }
}
