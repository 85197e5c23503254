package org.hlf.mentor.sandbox.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding with a chosen set of characters left as they are. {@link java.net.URLEncoder} is form
 * encoding: it writes a space as '+', which a client following a link as a plain URL must not have to know.
 */
final class Percent {

    /** What a query value may hold unencoded without being split or misread ('&', '+', ';', '#', '%' are not). */
    private static final String QUERY_VALUE_SAFE = "-._~!$'()*,:@/=";
    private static final String COOKIE_SAFE = "-_.";
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private Percent() {
    }

    /** A query option's value for a URL handed to clients. */
    static String queryValue(String text) {
        return encode(text, QUERY_VALUE_SAFE, UPPER_HEX);
    }

    /** Dataverse's paging cookie attribute: only letters, digits and a few marks stay, hex in lower case. */
    static String cookie(String text) {
        return encode(text, COOKIE_SAFE, LOWER_HEX);
    }

    private static String encode(String text, String safe, char[] hex) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(hex[(b >> 4) & 0xf]).append(hex[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException on a '%' not followed by two hex digits */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad percent-encoding at " + i);
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
