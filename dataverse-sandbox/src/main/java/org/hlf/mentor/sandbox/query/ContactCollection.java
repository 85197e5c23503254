package org.hlf.mentor.sandbox.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.hlf.mentor.sandbox.contacts.Contact;
import org.hlf.mentor.sandbox.contacts.ContactColumns;
import org.hlf.mentor.sandbox.contacts.ContactJson;
import org.hlf.mentor.sandbox.contacts.ContactStore;
import org.hlf.mentor.sandbox.odata.ODataException;
import org.hlf.mentor.sandbox.odata.ODataResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET contacts?$select=...&$filter=...} with Dataverse's paging contract: {@code Prefer:
 * odata.maxpagesize}, rows in primary-key order, an {@code @odata.nextLink} with a {@code $skiptoken} while
 * more rows match. Each page walks the store's contact-id index from where the previous page ended, so
 * reading 100,000 rows in pages costs one pass, not one sort per page.
 */
@ApplicationScoped
public class ContactCollection {

    private final ContactStore store;
    private final ContactColumns columns;

    public ContactCollection(ContactStore store, ContactColumns columns) {
        this.store = store;
        this.columns = columns;
    }

    /** Whether a resource path segment names the collection itself ({@code contacts}) rather than one row. */
    public boolean isCollection(String segment) {
        return columns.entitySet().equals(segment);
    }

    /**
     * @param parameters  the decoded query options, each with every value it was given
     * @param serviceRoot absolute URL of {@code /api/data/v9.2}, for the context and the next link
     */
    public ODataResult read(Map<String, List<String>> parameters, String prefer, String serviceRoot) {
        try {
            CollectionQuery query = CollectionQueryParser.parse(parameters, prefer, columns);
            Page page = page(query);
            Map<String, String> headers = query.appliedMaxPageSize() == null ? Map.of()
                    : Map.of("Preference-Applied", "odata.maxpagesize=" + query.appliedMaxPageSize());
            return ODataResult.json(200, headers, body(query, page, serviceRoot));
        } catch (ODataException e) {
            return e.result();
        }
    }

    private Page page(CollectionQuery query) {
        List<Contact> rows = new ArrayList<>(Math.min(query.pageSize(), 1024));
        boolean more = false;
        for (Contact contact : store.inKeyOrder(query.after().last())) {
            if (!query.filter().matches(contact, columns)) {
                continue;
            }
            if (rows.size() == query.pageSize()) {
                more = query.paged();
                break;
            }
            rows.add(contact);
        }
        return new Page(rows, more);
    }

    private String body(CollectionQuery query, Page page, String serviceRoot) {
        return ContactJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("@odata.context",
                    serviceRoot + "/$metadata#" + columns.entitySet() + query.projection());
            json.writeArrayFieldStart("value");
            for (Contact row : page.rows()) {
                json.writeStartObject();
                ContactJson.writeFields(json, row, query.select(), columns);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (page.more()) {
                String skiptoken = query.after().next(page.rows().get(0).contactId(),
                        page.rows().get(page.rows().size() - 1).contactId());
                json.writeStringField("@odata.nextLink", query.nextLink(serviceRoot, columns.entitySet(), skiptoken));
            }
            json.writeEndObject();
        });
    }

    private record Page(List<Contact> rows, boolean more) {
    }
}
