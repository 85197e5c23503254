package org.hlf.mentor.sync.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes OData {@code $batch} bodies of independent PATCH parts (no change set: with continue-on-error each part
 * answers on its own) and reads the multipart answer, one status per part, in request order.
 */
final class BatchCodec {

    static final String BOUNDARY_VALUE = "batch_hlf_website_sync";
    static final String CONTENT_TYPE = "multipart/mixed; boundary=" + BOUNDARY_VALUE;
    private static final String CRLF = "\r\n";
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private BatchCodec() {
    }

    record Encoded(String contentType, String body) {
    }

    static Encoded encode(String baseUrl, String entitySet, String keyColumn, String visibilityColumn,
            List<VisibilityChange> changes) {
        String root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // every part is the same text but for the mentor id and the value: built once per request, not per part
        String head = "--" + BOUNDARY_VALUE + CRLF
                + "Content-Type: application/http" + CRLF
                + "Content-Transfer-Encoding: binary" + CRLF + CRLF
                + "PATCH " + root + "/api/data/v9.2/" + entitySet + "(" + keyColumn + "='";
        String shown = tail(visibilityColumn, true);
        String hidden = tail(visibilityColumn, false);
        StringBuilder out = new StringBuilder(changes.size() * (head.length() + 36 + shown.length()) + 64);
        for (VisibilityChange change : changes) {
            out.append(head).append(change.mentorId()).append(change.visible() ? shown : hidden);
        }
        out.append("--").append(BOUNDARY_VALUE).append("--").append(CRLF);
        return new Encoded(CONTENT_TYPE, out.toString());
    }

    private static String tail(String visibilityColumn, boolean visible) {
        String json = "{\"" + visibilityColumn + "\":" + visible + "}";
        return "') HTTP/1.1" + CRLF
                + "Content-Type: application/json" + CRLF
                + "If-Match: *" + CRLF
                + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + CRLF
                + CRLF + json + CRLF;
    }

    /** One result per change; a malformed or short answer is a retryable failure of the parts it does not cover. */
    static List<PartResult> decode(List<VisibilityChange> changes, String contentType, String body) {
        List<PartResult> results = new ArrayList<>(changes.size());
        List<String> parts = parts(contentType, body);
        for (int i = 0; i < changes.size(); i++) {
            VisibilityChange change = changes.get(i);
            if (i >= parts.size()) {
                results.add(new PartResult(change, new PortalUnavailable(0, null,
                        "the $batch answer has no part for this operation", null, null)));
                continue;
            }
            results.add(part(change, parts.get(i)));
        }
        return results;
    }

    private static PartResult part(VisibilityChange change, String part) {
        // plain scanning, no regular expression: this runs once per mentor of every $batch answer
        List<String> lines = lines(part);
        int at = 0;
        int code = -1;
        while (at < lines.size() && code < 0) {
            code = statusCode(lines.get(at++));
        }
        if (code < 0) {
            return new PartResult(change, new PortalUnavailable(0, null, "unreadable $batch part", null, null));
        }
        if (code >= 200 && code < 300) {
            return new PartResult(change, null);
        }
        String retryAfter = null;
        while (at < lines.size() && !lines.get(at).isBlank()) {
            String header = lines.get(at++);
            if (header.regionMatches(true, 0, "retry-after:", 0, "retry-after:".length())) {
                retryAfter = header.substring("retry-after:".length()).trim();
            }
        }
        StringBuilder content = new StringBuilder();
        for (int i = at + 1; i < lines.size(); i++) {
            content.append(lines.get(i)).append('\n');
        }
        return new PartResult(change, PortalErrors.of(code, content.toString().strip(), retryAfter));
    }

    /** The status of an {@code HTTP/1.0} or {@code HTTP/1.1} status line, or -1 for any other line. */
    private static int statusCode(String line) {
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || (line.charAt(7) != '0' && line.charAt(7) != '1')
                || line.charAt(8) != ' ') {
            return -1;
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    /** The lines of a part, split at LF or CRLF; a last line without a line break is kept (even an empty one). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(12);
        int from = 0;
        while (true) {
            int lf = text.indexOf('\n', from);
            if (lf < 0) {
                lines.add(text.substring(from));
                return lines;
            }
            int end = lf > from && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            lines.add(text.substring(from, end));
            from = lf + 1;
        }
    }

    private static List<String> parts(String contentType, String body) {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        List<String> parts = new ArrayList<>();
        if (m == null || !m.find() || body == null) {
            return parts;
        }
        String delimiter = "--" + m.group(1);
        // the text before the first delimiter is the preamble; the closing delimiter is followed by "--"
        int at = body.indexOf(delimiter);
        while (at >= 0) {
            int from = at + delimiter.length();
            if (body.startsWith("--", from)) {
                break;
            }
            int next = body.indexOf(delimiter, from);
            parts.add(next < 0 ? body.substring(from) : body.substring(from, next));
            at = next;
        }
        return parts;
    }
}
