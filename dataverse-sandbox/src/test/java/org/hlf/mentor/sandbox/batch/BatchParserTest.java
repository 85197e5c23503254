package org.hlf.mentor.sandbox.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchParserTest {

    @Test
    void acceptsBareLineFeedsAsHandWrittenBatchesUseThem() {
        String body = String.join("\n",
                "--b", "Content-Type: application/http", "Content-Transfer-Encoding: binary", "",
                "PATCH contacts(hlf_mentorid='x') HTTP/1.1", "Content-Type: application/json", "If-Match: *", "",
                "{\"hlf_showonwebsite\": false}", "--b--", "");

        BatchRequest batch = BatchParser.parse(body, "b");

        assertThat(batch.items()).singleElement().isInstanceOfSatisfying(BatchRequest.Operation.class, operation -> {
            assertThat(operation.method()).isEqualTo("PATCH");
            assertThat(operation.headers().get("if-match")).isEqualTo("*");
            assertThat(operation.body()).isEqualTo("{\"hlf_showonwebsite\": false}");
        });
    }

    @Test
    void refusesABodyWithoutClosingDelimiter() {
        assertThatThrownBy(() -> BatchParser.parse("--b\r\nContent-Type: application/http\r\n\r\nGET x HTTP/1.1\r\n", "b"))
                .isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("closing delimiter");
    }

    @Test
    void refusesAReadInsideAChangeSet() {
        String body = "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
                + "--c\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\nGET contacts(hlf_mentorid='x') HTTP/1.1\r\n\r\n"
                + "--c--\r\n--b--\r\n";

        assertThatThrownBy(() -> BatchParser.parse(body, "b"))
                .isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("only contain write operations");
    }

    @Test
    void refusesAChangeSetOperationWithoutContentId() {
        String body = "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
                + "--c\r\nContent-Type: application/http\r\n\r\nPATCH contacts(hlf_mentorid='x') HTTP/1.1\r\n\r\n{}\r\n"
                + "--c--\r\n--b--\r\n";

        assertThatThrownBy(() -> BatchParser.parse(body, "b"))
                .isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("Content-ID");
    }
}
