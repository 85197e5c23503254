package org.hlf.mentor.sandbox.contacts;

import java.util.Locale;

/**
 * One request aimed at a contact, whether it came as an HTTP call or as a {@code $batch} part.
 *
 * @param segment     the decoded path segment after the service root, e.g. {@code contacts(hlf_mentorid='...')}
 * @param serviceRoot absolute URL of {@code /api/data/v9.2}, for {@code @odata.context} and {@code OData-EntityId}
 */
public record ContactRequest(String segment, String serviceRoot, String body, String ifMatch, String ifNoneMatch,
                             String prefer, String select) {

    public boolean wantsRepresentation() {
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=representation");
    }
}
