package org.hlf.mentor.sandbox.query;

import org.hlf.mentor.sandbox.odata.ODataException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingCookieTest {

    private final UUID first = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");
    private final UUID last = UUID.fromString("fa1b2c3d-0000-4000-8000-000000000002");

    @Test
    void tokenLooksLikeDataversesAndCarriesTheLastKey() {
        String token = PagingCookie.FIRST.next(first, last);

        assertThat(token).isEqualTo("<cookie pagenumber=\"2\" pagingcookie=\"%3ccookie%20page%3d%221%22%3e%3ccontactid"
                + "%20last%3d%22%7bFA1B2C3D-0000-4000-8000-000000000002%7d%22%20first%3d%22%7b0A1B2C3D-0000-4000-8000-"
                + "000000000001%7d%22%20%2f%3e%3c%2fcookie%3e\" istracking=\"False\" />");
        assertThat(PagingCookie.parse(token)).isEqualTo(new PagingCookie(2, last));
    }

    @Test
    void pageNumbersCountOn() {
        String third = PagingCookie.parse(PagingCookie.FIRST.next(first, last)).next(first, last);

        assertThat(PagingCookie.parse(third).pageNumber()).isEqualTo(3);
    }

    @Test
    void foreignOrAlteredTokensAreRefused() {
        for (String token : new String[] {"", "abc", "<cookie pagenumber=\"2\" pagingcookie=\"%3ccookie%3e\" />",
                "<cookie pagenumber=\"2\" pagingcookie=\"%zz\" istracking=\"False\" />"}) {
            assertThatThrownBy(() -> PagingCookie.parse(token)).isInstanceOfSatisfying(ODataException.class,
                    e -> assertThat(e.result().body()).contains("0x80060888"));
        }
    }
}
