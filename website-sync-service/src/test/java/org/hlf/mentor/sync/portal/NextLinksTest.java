package org.hlf.mentor.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Following Dataverse's {@code @odata.nextLink}: the skip token is all that changes between pages. */
class NextLinksTest {

    @Test
    void readsTheDecodedSkipTokenOfADataverseNextLink() {
        String link = "https://hlf.crm4.dynamics.com/api/data/v9.2/contacts?$select=hlf_mentorid,hlf_showonwebsite"
                + "&$filter=hlf_mentorid%20ne%20null&$skiptoken=%3Ccookie%20pagenumber=%222%22%20pagingcookie="
                + "%22%253ccookie%2520page%253d%25221%2522%253e%22%20istracking=%22False%22%20/%3E";
        assertThat(NextLinks.skipToken(link)).isEqualTo("<cookie pagenumber=\"2\" pagingcookie="
                + "\"%3ccookie%20page%3d%221%22%3e\" istracking=\"False\" />");
    }

    @Test
    void findsAnEncodedParameterName() {
        assertThat(NextLinks.skipToken("http://127.0.0.1:8090/api/data/v9.2/contacts?%24skiptoken=abc")).isEqualTo("abc");
    }

    @Test
    void noLinkMeansTheLastPage() {
        assertThat(NextLinks.skipToken(null)).isNull();
        assertThat(NextLinks.skipToken(" ")).isNull();
    }

    @Test
    void aLinkWithoutTokenIsRefusedAsNotRetryable() {
        assertThatThrownBy(() -> NextLinks.skipToken("http://127.0.0.1/api/data/v9.2/contacts?$top=5"))
                .isInstanceOf(PortalRejected.class);
        assertThatThrownBy(() -> NextLinks.skipToken("not a url ^")).isInstanceOf(PortalRejected.class);
    }
}
