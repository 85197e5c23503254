package org.hlf.mentor.sync;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a {@code $batch} like Dataverse with continue-on-error: one {@code HTTP/1.1} part per operation, in order.
 * Mentor ids starting {@code 00000404} answer 404, {@code 00000503} answer 503, the rest 204.
 */
public class BatchPartsTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "batch-parts";
    private static final Pattern PART = Pattern.compile("PATCH \\S*hlf_mentorid='([0-9a-f-]{36})'\\) HTTP/1\\.1");

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String body = serveEvent.getRequest().getBodyAsString();
        String boundary = "batchresponse_" + UUID.randomUUID();
        StringBuilder out = new StringBuilder();
        Matcher m = PART.matcher(body);
        while (m.find()) {
            String id = m.group(1);
            int status = id.startsWith("00000404") ? 404 : id.startsWith("00000503") ? 503 : 204;
            out.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                    .append("HTTP/1.1 ").append(status).append(status == 204 ? " No Content" : " Error").append("\r\n")
                    .append("OData-Version: 4.0\r\n");
            if (status != 204) {
                out.append("Content-Type: application/json; odata.metadata=minimal\r\n\r\n")
                        .append("{\"error\":{\"code\":\"").append(status == 404 ? "0x80040217" : "0x80072326")
                        .append("\",\"message\":\"part failed\"}}");
            } else {
                out.append("\r\n");
            }
            out.append("\r\n");
        }
        out.append("--").append(boundary).append("--\r\n");
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "multipart/mixed; boundary=" + boundary)
                .withHeader("OData-Version", "4.0").withBody(out.toString()).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
