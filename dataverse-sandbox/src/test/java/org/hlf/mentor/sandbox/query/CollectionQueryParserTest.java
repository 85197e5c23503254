package org.hlf.mentor.sandbox.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hlf.mentor.sandbox.contacts.ContactColumns;
import org.hlf.mentor.sandbox.odata.ODataException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollectionQueryParserTest {

    private final ContactColumns columns = new ContactColumns("contacts", "hlf_mentorid", "hlf_showonwebsite",
            new ObjectMapper());

    @Test
    void maxPageSizeIsReadFromAmongOtherPreferencesAndCappedAt5000() {
        assertThat(CollectionQueryParser.maxPageSize("odata.include-annotations=\"*\", odata.maxpagesize=250")).isEqualTo(250);
        assertThat(CollectionQueryParser.maxPageSize("Odata.MaxPageSize = 9999999999")).isEqualTo(5000);
        assertThat(CollectionQueryParser.maxPageSize("odata.maxpagesize=0")).isNull();
        assertThat(CollectionQueryParser.maxPageSize("odata.maxpagesize=lots")).isNull();
        assertThat(CollectionQueryParser.maxPageSize("return=representation")).isNull();
        assertThat(CollectionQueryParser.maxPageSize(null)).isNull();
    }

    @Test
    void withoutPreferenceThePageIs5000AndNoPreferenceIsApplied() {
        CollectionQuery query = CollectionQueryParser.parse(Map.of(), null, columns);

        assertThat(query.pageSize()).isEqualTo(5000);
        assertThat(query.appliedMaxPageSize()).isNull();
        assertThat(query.after()).isEqualTo(PagingCookie.FIRST);
    }

    @Test
    void customQueryOptionsAreIgnoredButSystemOnesMustBeKnownAndSingle() {
        assertThat(CollectionQueryParser.parse(Map.of("tracking", List.of("x")), null, columns).pageSize()).isEqualTo(5000);
        assertThatThrownBy(() -> CollectionQueryParser.parse(Map.of("$apply", List.of("x")), null, columns))
                .isInstanceOf(ODataException.class).hasMessageContaining("$apply is not supported");
        assertThatThrownBy(() -> CollectionQueryParser.parse(Map.of("$select", List.of("fullname", "contactid")), null, columns))
                .isInstanceOf(ODataException.class).hasMessageContaining("more than once");
    }

    @Test
    void nextLinkRepeatsSelectAndFilterEncodedForAPlainUrl() {
        CollectionQuery query = CollectionQueryParser.parse(Map.of("$select", List.of("fullname"),
                "$filter", List.of("fullname eq 'A+B & C''s'")), null, columns);

        assertThat(query.nextLink("http://host/api/data/v9.2", "contacts", "<cookie a=\"1\" />"))
                .isEqualTo("http://host/api/data/v9.2/contacts?$select=fullname"
                        + "&$filter=fullname%20eq%20'A%2BB%20%26%20C''s'&$skiptoken=%3Ccookie%20a=%221%22%20/%3E");
    }
}
