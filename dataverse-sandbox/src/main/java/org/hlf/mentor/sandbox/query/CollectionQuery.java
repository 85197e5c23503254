package org.hlf.mentor.sandbox.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A read of the contact collection as the URL and the {@code Prefer} header ask for it.
 *
 * @param selectText  {@code $select} as given, null when absent; repeated in the next link
 * @param select      the columns each row shows
 * @param filterText  {@code $filter} as given, null when absent; repeated in the next link
 * @param pageSize    rows in this answer at most
 * @param appliedMaxPageSize the {@code odata.maxpagesize} honoured, for {@code Preference-Applied}; null when none
 * @param top         {@code $top}, null when absent; a read with {@code $top} is never paged, as in Dataverse
 * @param after       where this page starts
 */
record CollectionQuery(String selectText, Set<String> select, String filterText, ContactFilter filter,
                       int pageSize, Integer appliedMaxPageSize, Integer top, PagingCookie after) {

    boolean paged() {
        return top == null;
    }

    /** {@code (col1,col2)} after the entity set in {@code @odata.context}, empty without {@code $select}. */
    String projection() {
        return selectText == null || selectText.isBlank() ? "" : "(" + selectText.replace(" ", "") + ")";
    }

    /** The absolute URL of the next page: this query again, continuing after {@code skiptoken}. */
    String nextLink(String serviceRoot, String entitySet, String skiptoken) {
        List<String> options = new ArrayList<>();
        if (selectText != null) {
            options.add("$select=" + Percent.queryValue(selectText));
        }
        if (filterText != null) {
            options.add("$filter=" + Percent.queryValue(filterText));
        }
        options.add("$skiptoken=" + Percent.queryValue(skiptoken));
        return serviceRoot + "/" + entitySet + "?" + String.join("&", options);
    }
}
