package org.hlf.mentor.sandbox.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hlf.mentor.sandbox.contacts.Contact;
import org.hlf.mentor.sandbox.contacts.ContactColumns;
import org.hlf.mentor.sandbox.odata.ODataException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The $filter subset without HTTP: what matches, and the messages for what is refused. */
class FilterParserTest {

    private final ContactColumns columns = new ContactColumns("contacts", "hlf_mentorid", "hlf_showonwebsite",
            new ObjectMapper());
    private final Contact ingrid = new Contact(UUID.randomUUID(), UUID.randomUUID(), "oslo", "Ingrid O'Brien", true,
            1001, Instant.now());
    private final Contact nameless = new Contact(UUID.randomUUID(), UUID.randomUUID(), null, null, false, 1002,
            Instant.now());

    @Test
    void allComparisonsJoinedByAndMustHold() {
        ContactFilter filter = parse("hlf_chapterid eq 'OSLO' and hlf_showonwebsite eq true");

        assertThat(filter.comparisons()).hasSize(2);
        assertThat(filter.matches(ingrid, columns)).isTrue();
        assertThat(filter.matches(nameless, columns)).isFalse();
    }

    @Test
    void doubledQuoteIsOneQuote() {
        assertThat(parse("fullname eq 'Ingrid O''Brien'").matches(ingrid, columns)).isTrue();
    }

    @Test
    void notEqualNeverMatchesAMissingValue() {
        assertThat(parse("fullname ne 'Someone'").matches(nameless, columns)).isFalse();
        assertThat(parse("fullname ne null").matches(nameless, columns)).isFalse();
        assertThat(parse("fullname eq null").matches(nameless, columns)).isTrue();
    }

    @Test
    void guidLiteralMatchesThePrimaryKeyInAnyCase() {
        String upper = ingrid.contactId().toString().toUpperCase();

        assertThat(parse("contactid eq " + upper).matches(ingrid, columns)).isTrue();
        assertThat(parse("contactid ne " + upper).matches(nameless, columns)).isTrue();
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertRefused("fullname eq 'a' or fullname eq 'b'", "'or' is not supported");
        assertRefused("fullname ge 'a'", "the operator 'ge' is not supported");
        assertRefused("startswith(fullname,'a')", "functions such as 'startswith(...)'");
        assertRefused("(fullname eq 'a')", "parentheses are not supported");
        assertRefused("Fullname eq 'a'", "Could not find a property named 'Fullname'");
        assertRefused("modifiedon eq null", "the column 'modifiedon' cannot be filtered on");
        assertRefused("hlf_showonwebsite eq 1", "the literal '1' is not supported");
        assertRefused("contactid eq 'x'", "Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'");
        assertRefused("fullname eq 'open", "is not closed");
        assertRefused("fullname eq 'a' fullname", "Syntax error at position 16");
    }

    private ContactFilter parse(String text) {
        return FilterParser.parse(text, columns);
    }

    private void assertRefused(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ODataException.class, e -> {
            assertThat(e.result().status()).isEqualTo(400);
            assertThat(e.result().body()).contains("0x80060888").contains(message);
        });
    }
}
