package org.hlf.mentor.sandbox.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an OData {@code multipart/mixed} batch body (OData 4.0 part 1, section 11.7). Lenient about line
 * endings, because hand-written curl examples use LF, strict about structure, because a half-understood
 * batch must not be executed.
 */
final class BatchParser {

    private BatchParser() {
    }

    static BatchRequest parse(String body, String boundary) {
        List<BatchRequest.Item> items = new ArrayList<>();
        for (List<String> part : split(lines(body), boundary)) {
            Part mime = Part.of(part);
            String type = MimeHeaders.mediaType(mime.headers().get("Content-Type"));
            if (type.equals("multipart/mixed")) {
                String changeSetBoundary = MimeHeaders.parameter(mime.headers().get("Content-Type"), "boundary")
                        .orElseThrow(() -> new BatchFormatException("A change set part has no boundary."));
                items.add(changeSet(mime.content(), changeSetBoundary));
            } else {
                items.add(operation(mime, false));
            }
        }
        return new BatchRequest(items);
    }

    private static BatchRequest.ChangeSet changeSet(List<String> lines, String boundary) {
        List<BatchRequest.Operation> operations = new ArrayList<>();
        for (List<String> part : split(lines, boundary)) {
            Part mime = Part.of(part);
            if (MimeHeaders.mediaType(mime.headers().get("Content-Type")).equals("multipart/mixed")) {
                throw new BatchFormatException("Change sets cannot be nested.");
            }
            BatchRequest.Operation operation = operation(mime, true);
            if (operation.method().equals("GET")) {
                throw new BatchFormatException("A change set can only contain write operations; move GET "
                        + operation.target() + " outside the change set.");
            }
            operations.add(operation);
        }
        if (operations.isEmpty()) {
            throw new BatchFormatException("A change set must contain at least one operation.");
        }
        return new BatchRequest.ChangeSet(operations);
    }

    private static BatchRequest.Operation operation(Part mime, boolean inChangeSet) {
        String type = MimeHeaders.mediaType(mime.headers().get("Content-Type"));
        if (!type.equals("application/http")) {
            throw new BatchFormatException("Each batch part must be Content-Type: application/http, not '" + type + "'.");
        }
        String contentId = mime.headers().get("Content-ID");
        if (inChangeSet && (contentId == null || contentId.isBlank())) {
            throw new BatchFormatException("Each operation in a change set needs a Content-ID header.");
        }
        List<String> lines = mime.content();
        int at = 0;
        while (at < lines.size() && lines.get(at).isBlank()) {
            at++;
        }
        if (at == lines.size()) {
            throw new BatchFormatException("A batch part contains no HTTP request.");
        }
        String[] requestLine = lines.get(at).trim().split("\\s+");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            throw new BatchFormatException("Malformed request line '" + lines.get(at) + "': expected 'METHOD URL HTTP/1.1'.");
        }
        MimeHeaders headers = new MimeHeaders();
        at++;
        while (at < lines.size() && !lines.get(at).isBlank()) {
            headers.add(lines.get(at));
            at++;
        }
        String body = at < lines.size() ? String.join("\n", lines.subList(at + 1, lines.size())).strip() : "";
        return new BatchRequest.Operation(contentId, requestLine[0].toUpperCase(Locale.ROOT),
                requestLine[1], headers, body);
    }

    /** The lines of each part between {@code --boundary} delimiters; preamble and epilogue are dropped. */
    private static List<List<String>> split(List<String> lines, String boundary) {
        String delimiter = "--" + boundary;
        String close = delimiter + "--";
        List<List<String>> parts = new ArrayList<>();
        List<String> current = null;
        boolean closed = false;
        for (String line : lines) {
            String trimmed = line.stripTrailing();
            if (trimmed.equals(close)) {
                if (current != null) {
                    parts.add(current);
                }
                closed = true;
                break;
            }
            if (trimmed.equals(delimiter)) {
                if (current != null) {
                    parts.add(current);
                }
                current = new ArrayList<>();
            } else if (current != null) {
                current.add(line);
            }
        }
        if (!closed) {
            throw new BatchFormatException("The multipart body does not end with the closing delimiter '" + close + "'.");
        }
        return parts;
    }

    private static List<String> lines(String body) {
        return List.of(body.split("\r?\n", -1));
    }

    /** A MIME part: header lines up to the first empty line, then its content lines. */
    private record Part(MimeHeaders headers, List<String> content) {

        static Part of(List<String> lines) {
            MimeHeaders headers = new MimeHeaders();
            int at = 0;
            while (at < lines.size() && !lines.get(at).isBlank()) {
                headers.add(lines.get(at));
                at++;
            }
            List<String> content = at < lines.size() ? lines.subList(at + 1, lines.size()) : List.of();
            return new Part(headers, content);
        }
    }
}
