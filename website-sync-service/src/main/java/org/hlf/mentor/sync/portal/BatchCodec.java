package org.hlf.mentor.sync.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    private BatchCodec() {
    }

    record Encoded(String contentType, String body) {
    }

    static Encoded encode(String baseUrl, String entitySet, String keyColumn, String visibilityColumn,
            List<VisibilityChange> changes) {
        String boundary = BOUNDARY_VALUE;
        String root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        StringBuilder out = new StringBuilder(changes.size() * 320);
        for (VisibilityChange change : changes) {
            String json = "{\"" + visibilityColumn + "\":" + change.visible() + "}";
            out.append("--").append(boundary).append(CRLF)
                    .append("Content-Type: application/http").append(CRLF)
                    .append("Content-Transfer-Encoding: binary").append(CRLF).append(CRLF)
                    .append("PATCH ").append(root).append("/api/data/v9.2/").append(entitySet).append('(')
                    .append(keyColumn).append("='").append(change.mentorId()).append("') HTTP/1.1").append(CRLF)
                    .append("Content-Type: application/json").append(CRLF)
                    .append("If-Match: *").append(CRLF)
                    .append("Content-Length: ").append(json.getBytes(StandardCharsets.UTF_8).length).append(CRLF)
                    .append(CRLF).append(json).append(CRLF);
        }
        out.append("--").append(boundary).append("--").append(CRLF);
        return new Encoded(CONTENT_TYPE, out.toString());
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
        String[] lines = part.split("\r?\n", -1);
        int at = 0;
        Matcher status = null;
        while (at < lines.length) {
            Matcher m = STATUS_LINE.matcher(lines[at++]);
            if (m.find()) {
                status = m;
                break;
            }
        }
        if (status == null) {
            return new PartResult(change, new PortalUnavailable(0, null, "unreadable $batch part", null, null));
        }
        int code = Integer.parseInt(status.group(1));
        String retryAfter = null;
        while (at < lines.length && !lines[at].isBlank()) {
            String header = lines[at++];
            if (header.toLowerCase(Locale.ROOT).startsWith("retry-after:")) {
                retryAfter = header.substring("retry-after:".length()).trim();
            }
        }
        if (code >= 200 && code < 300) {
            return new PartResult(change, null);
        }
        StringBuilder content = new StringBuilder();
        for (int i = at + 1; i < lines.length; i++) {
            content.append(lines[i]).append('\n');
        }
        return new PartResult(change, PortalErrors.of(code, content.toString().strip(), retryAfter));
    }

    private static List<String> parts(String contentType, String body) {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        List<String> parts = new ArrayList<>();
        if (m == null || !m.find() || body == null) {
            return parts;
        }
        String delimiter = "--" + m.group(1);
        String[] pieces = body.split(Pattern.quote(delimiter), -1);
        // pieces[0] is the preamble; the piece after the closing delimiter starts with "--"
        for (int i = 1; i < pieces.length; i++) {
            if (pieces[i].startsWith("--")) {
                break;
            }
            parts.add(pieces[i]);
        }
        return parts;
    }
}
