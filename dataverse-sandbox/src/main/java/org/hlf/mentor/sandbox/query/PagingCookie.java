package org.hlf.mentor.sandbox.query;

import org.hlf.mentor.sandbox.odata.ODataException;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $skiptoken} of a next page, shaped like Dataverse's:
 * {@code <cookie pagenumber="2" pagingcookie="%3ccookie%20page%3d%221%22%3e%3ccontactid%20last%3d%22%7b...%7d%22 ..."
 * istracking="False" />}. It carries the last contact id of the page before (keyset paging): rows written
 * between two page requests neither shift nor repeat the rows that follow.
 *
 * @param last the contact id the page starts after, null for the first page
 */
record PagingCookie(int pageNumber, UUID last) {

    static final PagingCookie FIRST = new PagingCookie(1, null);

    private static final Pattern OUTER = Pattern.compile(
            "\\s*<cookie\\s+pagenumber=\"(\\d{1,9})\"\\s+pagingcookie=\"([^\"]*)\"(?:\\s+istracking=\"(?:True|False)\")?\\s*/>\\s*");
    private static final Pattern LAST = Pattern.compile("<contactid\\s+last=\"\\{([0-9A-Fa-f-]{36})}\"");

    /** @throws ODataException 400 when the token was not made by the sandbox or was changed */
    static PagingCookie parse(String skiptoken) {
        Matcher outer = OUTER.matcher(skiptoken);
        if (outer.matches()) {
            try {
                Matcher last = LAST.matcher(Percent.decode(outer.group(2)));
                if (last.find()) {
                    return new PagingCookie(Integer.parseInt(outer.group(1)), UUID.fromString(last.group(1)));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the refusal below: a bad token is the client's mistake, not a server error
            }
        }
        throw ODataException.badQuery("The $skiptoken is not valid: follow the @odata.nextLink of the previous page as it is.");
    }

    /** The token of the page after this one, which ran from {@code first} to {@code last}. */
    String next(UUID first, UUID last) {
        String inner = "<cookie page=\"" + pageNumber + "\"><contactid last=\"" + braced(last) + "\" first=\""
                + braced(first) + "\" /></cookie>";
        return "<cookie pagenumber=\"" + (pageNumber + 1) + "\" pagingcookie=\""
                + Percent.cookie(inner) + "\" istracking=\"False\" />";
    }

    private static String braced(UUID id) {
        return "{" + id.toString().toUpperCase(Locale.ROOT) + "}";
    }
}
