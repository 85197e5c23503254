package org.hlf.mentor.sync.portal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code $skiptoken} out of an {@code @odata.nextLink}. Dataverse's next links repeat the query and
 * differ only in that token, so asking again with the same query and the token follows the link, through the
 * same REST client (and its fault tolerance) as every other call.
 */
final class NextLinks {

    private NextLinks() {
    }

    /** The token, decoded; null when there is no next page. */
    static String skipToken(String nextLink) {
        if (nextLink == null || nextLink.isBlank()) {
            return null;
        }
        String query;
        try {
            query = URI.create(nextLink).getRawQuery();
        } catch (IllegalArgumentException e) {
            throw unusable(nextLink);
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (name.equalsIgnoreCase("$skiptoken") && eq >= 0) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw unusable(nextLink);
    }

    /** Asking again cannot mend the portal's answer. */
    private static PortalRejected unusable(String nextLink) {
        return new PortalRejected(0, null, "the portal's next link has no usable $skiptoken: " + nextLink);
    }
}
