package org.hlf.mentor.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** A non-2xx Dataverse answer as the exception the retry and dead-letter rules go by. */
class PortalErrorsTest {

    private static final String NOT_FOUND = "{\"error\":{\"code\":\"0x80040217\",\"message\":\"contact Does Not Exist\"}}";

    @Test
    void retryAfterInDeltaSecondsIsThatManySeconds() {
        assertThat(PortalErrors.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(PortalErrors.retryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
        assertThat(PortalErrors.retryAfter("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsAFutureHttpDateIsTheTimeUntilThen() {
        ZonedDateTime inTwoMinutes = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2);

        Duration wait = PortalErrors.retryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(inTwoMinutes));

        // the header has whole seconds: up to one is lost, plus the time this test takes
        assertThat(wait).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(120));
    }

    @Test
    void retryAfterAsAPastHttpDateIsNoWait() {
        assertThat(PortalErrors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterThatIsGarbageNegativeOrAbsentIsIgnored() {
        assertThat(PortalErrors.retryAfter("soon")).isNull();
        assertThat(PortalErrors.retryAfter("1.5")).isNull();
        assertThat(PortalErrors.retryAfter("2015-10-21T07:28:00Z")).isNull();
        assertThat(PortalErrors.retryAfter("-5")).isNull();
        assertThat(PortalErrors.retryAfter(" ")).isNull();
        assertThat(PortalErrors.retryAfter(null)).isNull();
    }

    @Test
    void throttlingAndServerErrorsAreUnavailableWithTheirRetryAfter() {
        PortalException throttled = PortalErrors.of(429, "", "30");

        assertThat(throttled).isExactlyInstanceOf(PortalUnavailable.class);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.retryable()).isTrue();
        assertThat(((PortalUnavailable) throttled).retryAfter()).contains(Duration.ofSeconds(30));
        for (int status : new int[] {500, 502, 503, 504}) {
            PortalException failure = PortalErrors.of(status, null, null);
            assertThat(failure).isExactlyInstanceOf(PortalUnavailable.class);
            assertThat(failure.status()).isEqualTo(status);
            assertThat(((PortalUnavailable) failure).retryAfter()).isEmpty();
        }
    }

    @Test
    void unauthorizedIsItsOwnRejection() {
        PortalException failure = PortalErrors.of(401, null, "5");

        assertThat(failure).isExactlyInstanceOf(PortalUnauthorized.class);
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void otherClientErrorsAreRejectedForGood() {
        for (int status : new int[] {400, 403, 404, 412}) {
            PortalException failure = PortalErrors.of(status, null, "5");
            assertThat(failure).isExactlyInstanceOf(PortalRejected.class);
            assertThat(failure.status()).isEqualTo(status);
            assertThat(failure.retryable()).isFalse();
        }
    }

    @Test
    void anODataErrorBodyGivesTheCodeAndMessage() {
        PortalException failure = PortalErrors.of(404, NOT_FOUND, null);

        assertThat(failure.code()).isEqualTo("0x80040217");
        assertThat(failure.getMessage()).isEqualTo("contact Does Not Exist");
        assertThat(failure.describe()).isEqualTo("HTTP 404 0x80040217: contact Does Not Exist");
    }

    @Test
    void aJsonBodyWithoutErrorOrWithoutBodyHasNoDetails() {
        for (String body : new String[] {null, "", "  ", "{\"value\":[]}", "{\"error\":{\"code\":7}}"}) {
            PortalException failure = PortalErrors.of(400, body, null);
            assertThat(failure.code()).as(body).isNull();
            assertThat(failure.getMessage()).as(body).isEqualTo("no error details");
        }
    }

    @Test
    void anHtmlBodyIsKeptToItsFirst200Characters() {
        String html = "<html><body>" + "Bad Gateway ".repeat(40) + "</body></html>";

        PortalException failure = PortalErrors.of(502, html, null);

        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).hasSize(200).isEqualTo(html.substring(0, 200));
    }

    @Test
    void aShortHtmlBodyIsKeptWhole() {
        String html = "<html><body>Bad Gateway</body></html>";

        assertThat(PortalErrors.of(502, html, null).getMessage()).isEqualTo(html);
    }
}
