package org.hlf.mentor.sandbox.query;

import org.hlf.mentor.sandbox.contacts.ContactColumns;
import org.hlf.mentor.sandbox.odata.ODataException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns the query options and the {@code Prefer} header of a collection read into a {@link CollectionQuery}. */
final class CollectionQueryParser {

    /** Dataverse's largest page, also its default when the client states no preference. */
    static final int MAX_PAGE_SIZE = 5000;
    private static final String MAX_PAGE_SIZE_PREFERENCE = "odata.maxpagesize";
    private static final Set<String> SUPPORTED = Set.of("$select", "$filter", "$top", "$skiptoken");

    private CollectionQueryParser() {
    }

    /** @throws ODataException 400 for an option the sandbox does not serve or cannot read */
    static CollectionQuery parse(Map<String, List<String>> parameters, String prefer, ContactColumns columns) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            // OData lets a service ignore custom query options (no '$'); system options it does not know are errors
            if (!name.startsWith("$")) {
                continue;
            }
            if (!SUPPORTED.contains(name)) {
                throw ODataException.badQuery("The query parameter " + name + " is not supported by the sandbox; it "
                        + "serves " + String.join(", ", SUPPORTED.stream().sorted().toList()) + " on a collection.");
            }
            if (parameter.getValue().size() > 1) {
                throw ODataException.badQuery("The query parameter " + name + " is specified more than once.");
            }
        }
        String selectText = single(parameters, "$select");
        String filterText = single(parameters, "$filter");
        Integer top = top(single(parameters, "$top"));
        String skiptoken = single(parameters, "$skiptoken");
        Integer preferred = top == null ? maxPageSize(prefer) : null;
        int pageSize = top != null ? Math.min(top, MAX_PAGE_SIZE) : preferred != null ? preferred : MAX_PAGE_SIZE;
        return new CollectionQuery(selectText, columns.select(selectText), filterText,
                filterText == null ? ContactFilter.ALL : FilterParser.parse(filterText, columns),
                pageSize, preferred, top, skiptoken == null ? PagingCookie.FIRST : PagingCookie.parse(skiptoken));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Integer top(String text) {
        if (text == null) {
            return null;
        }
        try {
            int top = Integer.parseInt(text.trim());
            if (top >= 0) {
                return top;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ODataException.badQuery("The value '" + text + "' of $top is not a non-negative integer.");
    }

    /**
     * The page size asked for, capped at Dataverse's 5,000; null when not asked for. A malformed preference is
     * ignored, as RFC 7240 lets a server ignore any preference.
     */
    static Integer maxPageSize(String prefer) {
        if (prefer == null) {
            return null;
        }
        for (String preference : prefer.split(",")) {
            String[] nameAndValue = preference.trim().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().toLowerCase(Locale.ROOT).equals(MAX_PAGE_SIZE_PREFERENCE)) {
                String value = nameAndValue[1].trim().replace("\"", "");
                long size = !value.matches("\\d+") ? 0 : value.length() > 9 ? Long.MAX_VALUE : Long.parseLong(value);
                if (size > 0) {
                    return (int) Math.min(size, MAX_PAGE_SIZE);
                }
            }
        }
        return null;
    }
}
