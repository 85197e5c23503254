package org.hlf.mentor.sandbox.batch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Header lines of a MIME part or an embedded HTTP request; names compare case-insensitively. */
final class MimeHeaders {

    private final Map<String, String> values = new LinkedHashMap<>();

    void add(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new BatchFormatException("Malformed header line '" + line + "'.");
        }
        values.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }

    String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    /** Value of a parameter such as {@code boundary} in {@code multipart/mixed; boundary=batch_1}. */
    static Optional<String> parameter(String headerValue, String parameter) {
        if (headerValue == null) {
            return Optional.empty();
        }
        for (String piece : headerValue.split(";")) {
            int equals = piece.indexOf('=');
            if (equals > 0 && piece.substring(0, equals).trim().equalsIgnoreCase(parameter)) {
                String value = piece.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static String mediaType(String headerValue) {
        if (headerValue == null) {
            return "";
        }
        int semicolon = headerValue.indexOf(';');
        return (semicolon < 0 ? headerValue : headerValue.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
