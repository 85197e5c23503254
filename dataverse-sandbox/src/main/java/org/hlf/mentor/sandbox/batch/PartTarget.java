package org.hlf.mentor.sandbox.batch;

import org.hlf.mentor.sandbox.contacts.ContactsResource;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The URL of a batch operation, which may be absolute ({@code https://org.crm4.dynamics.com/api/data/v9.2/...}),
 * an absolute path ({@code /api/data/v9.2/...}) or relative to the service root ({@code contacts(...)}).
 *
 * @param segment decoded resource path below the service root
 * @param query   raw query string, null when absent
 */
record PartTarget(String segment, String query, boolean outsideServiceRoot) {

    private static final String ROOT = ContactsResource.SERVICE_ROOT + "/";

    static PartTarget of(String url) {
        String rest = url;
        int scheme = rest.indexOf("://");
        if (scheme > 0) {
            int pathStart = rest.indexOf('/', scheme + 3);
            rest = pathStart < 0 ? "/" : rest.substring(pathStart);
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        boolean outside = false;
        if (rest.startsWith(ROOT)) {
            rest = rest.substring(ROOT.length());
        } else if (rest.startsWith("/")) {
            outside = true;
        }
        return new PartTarget(percentDecode(rest), query, outside);
    }

    String path() {
        return outsideServiceRoot ? segment : ROOT + segment;
    }

    String query(String name) {
        List<String> values = parameters().get(name);
        return values == null ? null : values.get(0);
    }

    /** Every decoded query option with all its values, as a top-level call's URI gives them. */
    Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(key, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** Path decoding: unlike form decoding, '+' stays a plus. */
    private static String percentDecode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
