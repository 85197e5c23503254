package org.hlf.mentor.sandbox.batch;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds $batch bodies the way a Dataverse client writes them: CRLF line ends, Content-Length per write. */
final class BatchBody {

    private static final String CRLF = "\r\n";

    final String boundary = "batch_" + UUID.randomUUID();
    private final StringBuilder body = new StringBuilder();
    private String changeSet;

    String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    BatchBody hide(String url) {
        return patch(url, "{\"hlf_showonwebsite\":false}", "If-Match: *");
    }

    BatchBody patch(String url, String json, String... headers) {
        StringBuilder part = new StringBuilder();
        part.append("Content-Type: application/http").append(CRLF)
                .append("Content-Transfer-Encoding: binary").append(CRLF);
        if (changeSet != null) {
            part.append("Content-ID: ").append(UUID.randomUUID().toString(), 0, 8).append(CRLF);
        }
        part.append(CRLF).append("PATCH ").append(url).append(" HTTP/1.1").append(CRLF)
                .append("Content-Type: application/json").append(CRLF);
        for (String header : headers) {
            part.append(header).append(CRLF);
        }
        part.append("Content-Length: ").append(json.getBytes(StandardCharsets.UTF_8).length).append(CRLF)
                .append(CRLF).append(json).append(CRLF);
        return appendPart(part);
    }

    BatchBody get(String url, String... headers) {
        StringBuilder part = new StringBuilder();
        part.append("Content-Type: application/http").append(CRLF)
                .append("Content-Transfer-Encoding: binary").append(CRLF).append(CRLF)
                .append("GET ").append(url).append(" HTTP/1.1").append(CRLF)
                .append("Accept: application/json").append(CRLF);
        for (String header : headers) {
            part.append(header).append(CRLF);
        }
        part.append(CRLF);
        return appendPart(part);
    }

    BatchBody beginChangeSet() {
        changeSet = "changeset_" + UUID.randomUUID();
        body.append("--").append(boundary).append(CRLF)
                .append("Content-Type: multipart/mixed; boundary=").append(changeSet).append(CRLF).append(CRLF);
        return this;
    }

    BatchBody endChangeSet() {
        body.append("--").append(changeSet).append("--").append(CRLF);
        changeSet = null;
        return this;
    }

    String build() {
        return body + "--" + boundary + "--" + CRLF;
    }

    private BatchBody appendPart(StringBuilder part) {
        body.append("--").append(changeSet != null ? changeSet : boundary).append(CRLF).append(part);
        return this;
    }
}
