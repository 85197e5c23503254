package org.hlf.mentor.sandbox.batch;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a $batch answer the way a client would: the status line of every embedded response, in order. */
final class BatchAnswer {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ", Pattern.MULTILINE);

    private BatchAnswer() {
    }

    static List<Integer> statuses(Response response) {
        assertThat(response.contentType()).startsWith("multipart/mixed; boundary=batchresponse_");
        List<Integer> statuses = new ArrayList<>();
        Matcher matcher = STATUS_LINE.matcher(response.asString());
        while (matcher.find()) {
            statuses.add(Integer.parseInt(matcher.group(1)));
        }
        return statuses;
    }
}
