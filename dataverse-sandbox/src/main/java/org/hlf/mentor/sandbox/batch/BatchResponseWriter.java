package org.hlf.mentor.sandbox.batch;

import jakarta.ws.rs.core.Response;
import org.hlf.mentor.sandbox.odata.ODataResult;

import java.util.List;
import java.util.UUID;

/** Writes the multipart/mixed answer to a $batch in the layout Dataverse uses. */
final class BatchResponseWriter {

    private static final String CRLF = "\r\n";

    private BatchResponseWriter() {
    }

    static String newBoundary(String prefix) {
        return prefix + "_" + UUID.randomUUID();
    }

    static String write(List<PartAnswer> answers, String boundary) {
        StringBuilder out = new StringBuilder(answers.size() * 256);
        for (PartAnswer answer : answers) {
            out.append("--").append(boundary).append(CRLF);
            if (answer instanceof PartAnswer.ChangeSet changeSet) {
                String inner = newBoundary("changesetresponse");
                out.append("Content-Type: multipart/mixed; boundary=").append(inner).append(CRLF).append(CRLF);
                for (PartAnswer.Single single : changeSet.answers()) {
                    out.append("--").append(inner).append(CRLF);
                    single(out, single);
                }
                out.append("--").append(inner).append("--").append(CRLF);
            } else {
                single(out, (PartAnswer.Single) answer);
            }
        }
        out.append("--").append(boundary).append("--").append(CRLF);
        return out.toString();
    }

    private static void single(StringBuilder out, PartAnswer.Single answer) {
        out.append("Content-Type: application/http").append(CRLF);
        out.append("Content-Transfer-Encoding: binary").append(CRLF);
        if (answer.contentId() != null) {
            out.append("Content-ID: ").append(answer.contentId()).append(CRLF);
        }
        out.append(CRLF);
        ODataResult result = answer.result();
        out.append("HTTP/1.1 ").append(result.status()).append(' ').append(reason(result.status())).append(CRLF);
        out.append("OData-Version: 4.0").append(CRLF);
        result.headers().forEach((name, value) -> out.append(name).append(": ").append(value).append(CRLF));
        if (result.body() != null) {
            out.append("Content-Type: ").append(result.contentType()).append(CRLF);
        }
        out.append(CRLF);
        if (result.body() != null) {
            out.append(result.body());
        }
        // the line break before the next delimiter belongs to the delimiter, not to the body
        out.append(CRLF);
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Status " + status : known.getReasonPhrase();
    }
}
