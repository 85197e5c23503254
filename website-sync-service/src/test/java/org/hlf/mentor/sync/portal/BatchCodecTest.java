package org.hlf.mentor.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OData {@code $batch} body written for a list of visibility changes, and the multipart answer read back. */
class BatchCodecTest {

    private static final String BASE_URL = "https://hlf.crm4.dynamics.com";
    private static final UUID FIRST = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID SECOND = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID THIRD = UUID.fromString("33333333-3333-3333-3333-333333333333");
    private static final List<VisibilityChange> CHANGES = List.of(new VisibilityChange(FIRST, false),
            new VisibilityChange(SECOND, true), new VisibilityChange(THIRD, false));
    private static final String ANSWER_TYPE = "multipart/mixed; boundary=batchresponse_7f3e";

    @Test
    void encodesOneIndependentPatchPartPerChangeInOrderAndClosesTheBoundary() {
        BatchCodec.Encoded encoded = encode(BASE_URL, CHANGES.subList(0, 2));

        assertThat(encoded.contentType()).isEqualTo("multipart/mixed; boundary=batch_hlf_website_sync");
        assertThat(encoded.body()).isEqualTo("""
                --batch_hlf_website_sync\r
                Content-Type: application/http\r
                Content-Transfer-Encoding: binary\r
                \r
                PATCH https://hlf.crm4.dynamics.com/api/data/v9.2/contacts(hlf_mentorid='%s') HTTP/1.1\r
                Content-Type: application/json\r
                If-Match: *\r
                Content-Length: 27\r
                \r
                {"hlf_showonwebsite":false}\r
                --batch_hlf_website_sync\r
                Content-Type: application/http\r
                Content-Transfer-Encoding: binary\r
                \r
                PATCH https://hlf.crm4.dynamics.com/api/data/v9.2/contacts(hlf_mentorid='%s') HTTP/1.1\r
                Content-Type: application/json\r
                If-Match: *\r
                Content-Length: 26\r
                \r
                {"hlf_showonwebsite":true}\r
                --batch_hlf_website_sync--\r
                """.formatted(FIRST, SECOND));
    }

    @Test
    void everyLineOfTheBodyEndsInCrlf() {
        String body = encode(BASE_URL, CHANGES).body();

        assertThat(body).endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void everyPartIsUpdateOnlyWithItsOwnContentLength() {
        String body = encode(BASE_URL, CHANGES).body();

        assertThat(body.split("If-Match: \\*\r\n", -1)).hasSize(4);
        assertThat(body.split("Content-Length: 27\r\n", -1)).as("the two hides").hasSize(3);
        assertThat(body.split("Content-Length: 26\r\n", -1)).as("the one show").hasSize(2);
    }

    @Test
    void aBaseUrlWithATrailingSlashGivesTheSameAbsoluteUrls() {
        assertThat(encode(BASE_URL + "/", CHANGES).body()).isEqualTo(encode(BASE_URL, CHANGES).body());
    }

    @Test
    void decodesOneResultPerPartInRequestOrder() {
        List<PartResult> results = BatchCodec.decode(CHANGES, ANSWER_TYPE,
                answer(part("204 No Content", ""), part("204 No Content", ""), part("200 OK", "")));

        assertThat(results).extracting(PartResult::change).containsExactlyElementsOf(CHANGES);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.succeeded()).isTrue();
            assertThat(result.failure()).isNull();
        });
    }

    @Test
    void aNotFoundPartIsRejectedWithTheODataErrorCode() {
        String error = "{\"error\":{\"code\":\"0x80040217\",\"message\":\"contact Does Not Exist\"}}";
        List<PartResult> results = BatchCodec.decode(CHANGES, ANSWER_TYPE, answer(part("204 No Content", ""),
                part("404 Not Found", "Content-Type: application/json\r\n", error), part("204 No Content", "")));

        assertThat(results).extracting(PartResult::succeeded).containsExactly(true, false, true);
        assertThat(results.get(1).failure()).isExactlyInstanceOf(PortalRejected.class).satisfies(failure -> {
            assertThat(failure.status()).isEqualTo(404);
            assertThat(failure.code()).isEqualTo("0x80040217");
            assertThat(failure.getMessage()).isEqualTo("contact Does Not Exist");
            assertThat(failure.retryable()).isFalse();
        });
    }

    @Test
    void throttledAndServerErrorPartsAreUnavailableWithTheRetryAfterOfTheirOwnHeaders() {
        List<PartResult> results = BatchCodec.decode(CHANGES, ANSWER_TYPE, answer(
                part("429 Too Many Requests", "Retry-After: 7\r\n", ""),
                part("503 Service Unavailable", "retry-after:  2\r\n", ""), part("500 Internal Server Error", "")));

        assertThat(results).extracting(PartResult::failure).allSatisfy(failure ->
                assertThat(failure).isExactlyInstanceOf(PortalUnavailable.class));
        assertThat(results).extracting(result -> result.failure().status()).containsExactly(429, 503, 500);
        assertThat(results).extracting(result -> ((PortalUnavailable) result.failure()).retryAfter())
                .containsExactly(Optional.of(Duration.ofSeconds(7)),
                        Optional.of(Duration.ofSeconds(2)), Optional.empty());
    }

    @Test
    void aShortAnswerFailsTheUncoveredPartsRetryably() {
        List<PartResult> results = BatchCodec.decode(CHANGES, ANSWER_TYPE, answer(part("204 No Content", "")));

        assertThat(results).extracting(PartResult::change).containsExactlyElementsOf(CHANGES);
        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.subList(1, 3)).allSatisfy(result -> assertMissingPart(result.failure()));
    }

    @Test
    void anAnswerWithoutBoundaryOrBodyFailsEveryPartRetryably() {
        String body = answer(part("204 No Content", ""));

        assertThat(BatchCodec.decode(CHANGES, "application/json", body))
                .hasSize(3).allSatisfy(result -> assertMissingPart(result.failure()));
        assertThat(BatchCodec.decode(CHANGES, null, body))
                .hasSize(3).allSatisfy(result -> assertMissingPart(result.failure()));
        assertThat(BatchCodec.decode(CHANGES, ANSWER_TYPE, null))
                .hasSize(3).allSatisfy(result -> assertMissingPart(result.failure()));
    }

    @Test
    void aPartWithoutStatusLineIsARetryableFailureOfThatPartOnly() {
        String garbled = "Content-Type: application/http\r\n\r\nnot an HTTP answer\r\n";
        List<PartResult> results = BatchCodec.decode(CHANGES.subList(0, 2), ANSWER_TYPE,
                answer(garbled, part("204 No Content", "")));

        assertThat(results).extracting(PartResult::succeeded).containsExactly(false, true);
        assertThat(results.get(0).failure()).isExactlyInstanceOf(PortalUnavailable.class).satisfies(failure -> {
            assertThat(failure.status()).isZero();
            assertThat(failure.getMessage()).isEqualTo("unreadable $batch part");
        });
    }

    @Test
    void bareLineFeedsAndAQuotedBoundaryParseToo() {
        String body = answer(part("204 No Content", ""), part("429 Too Many Requests", "Retry-After: 3\r\n", ""))
                .replace("\r\n", "\n");

        List<PartResult> results = BatchCodec.decode(CHANGES.subList(0, 2),
                "multipart/mixed; boundary=\"batchresponse_7f3e\"", body);

        assertThat(results).extracting(PartResult::succeeded).containsExactly(true, false);
        assertThat(((PortalUnavailable) results.get(1).failure()).retryAfter()).contains(Duration.ofSeconds(3));
    }

    private static void assertMissingPart(PortalException failure) {
        assertThat(failure).isExactlyInstanceOf(PortalUnavailable.class);
        assertThat(failure.status()).isZero();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("the $batch answer has no part for this operation");
    }

    private static BatchCodec.Encoded encode(String baseUrl, List<VisibilityChange> changes) {
        return BatchCodec.encode(baseUrl, "contacts", "hlf_mentorid", "hlf_showonwebsite", changes);
    }

    /** A Dataverse multipart answer: preamble-free, one delimiter per part, the closing delimiter last. */
    private static String answer(String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--batchresponse_7f3e\r\n").append(part);
        }
        return body.append("--batchresponse_7f3e--\r\n").toString();
    }

    private static String part(String status, String content) {
        return part(status, "", content);
    }

    /** One answered operation: its MIME headers, then the HTTP status line, headers and body of the operation. */
    private static String part(String status, String headers, String content) {
        return "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "HTTP/1.1 " + status + "\r\n" + headers + "OData-Version: 4.0\r\n\r\n" + content + "\r\n";
    }
}
