package org.hlf.mentor.support.dlq;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A record's headers as UTF-8 text, the last value of a repeated name winning (a dead letter keeps the original
 * record's headers before its own). Numbers are read leniently: a letter written by hand or by an older version
 * still lists, with the unreadable value left out.
 */
public final class HeaderValues {

    private final Headers headers;

    private HeaderValues(Headers headers) {
        this.headers = headers;
    }

    public static HeaderValues of(Headers headers) {
        return new HeaderValues(headers);
    }

    /** Null when absent. */
    public String text(String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Null when absent or not a whole number. */
    public Integer integer(String name) {
        return number(name, Integer::valueOf);
    }

    /** Null when absent or not a whole number. */
    public Long longValue(String name) {
        return number(name, Long::valueOf);
    }

    private <T> T number(String name, Function<String, T> parse) {
        String value = text(name);
        try {
            return value == null ? null : parse.apply(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
