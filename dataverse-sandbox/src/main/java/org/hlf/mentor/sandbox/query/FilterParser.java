package org.hlf.mentor.sandbox.query;

import org.hlf.mentor.sandbox.contacts.ContactColumns;
import org.hlf.mentor.sandbox.odata.ODataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code $filter} subset the sandbox serves: {@code <column> eq|ne <literal>} joined by {@code and}.
 * Everything else Dataverse would accept ({@code or}, {@code gt}, functions, parentheses) is refused with a
 * 400 rather than half-evaluated, so a client cannot come to rely on filtering the sandbox does not do.
 */
final class FilterParser {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> OTHER_OPERATORS = Set.of("gt", "ge", "lt", "le", "has", "in");

    private final String text;
    private final ContactColumns columns;
    private final Map<String, Literal.Type> filterable;
    private int at;

    private FilterParser(String text, ContactColumns columns) {
        this.text = text;
        this.columns = columns;
        this.filterable = Map.of(
                ContactColumns.PRIMARY_KEY, Literal.Type.GUID,
                columns.keyColumn(), Literal.Type.STRING,
                columns.visibilityColumn(), Literal.Type.BOOLEAN,
                ContactColumns.NAME, Literal.Type.STRING,
                ContactColumns.CHAPTER, Literal.Type.STRING);
    }

    /** @throws ODataException 400 {@code 0x80060888} naming what is wrong or unsupported */
    static ContactFilter parse(String text, ContactColumns columns) {
        return new FilterParser(text, columns).filter();
    }

    private ContactFilter filter() {
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(comparison());
        while (conjunction()) {
            comparisons.add(comparison());
        }
        return new ContactFilter(comparisons);
    }

    /** @return true after an {@code and}, false at the end of the text */
    private boolean conjunction() {
        skipSpace();
        if (at == text.length()) {
            return false;
        }
        int start = at;
        String word = word().toLowerCase(Locale.ROOT);
        if (word.equals("and")) {
            return true;
        }
        if (word.equals("or")) {
            throw unsupported("'or' is not supported; comparisons can only be joined by 'and'.");
        }
        throw syntaxError(start);
    }

    private Comparison comparison() {
        skipSpace();
        int start = at;
        if (peek() == '(') {
            throw unsupported("parentheses are not supported.");
        }
        String column = word();
        skipSpace();
        if (peek() == '(') {
            throw unsupported("functions such as '" + column + "(...)' are not supported.");
        }
        if (column.equalsIgnoreCase("not")) {
            throw unsupported("'not' is not supported.");
        }
        if (!IDENTIFIER.matcher(column).matches()) {
            throw syntaxError(start);
        }
        Literal.Type columnType = typeOf(column);
        int operatorAt = at;
        String operator = word().toLowerCase(Locale.ROOT);
        if (OTHER_OPERATORS.contains(operator)) {
            throw unsupported("the operator '" + operator + "' is not supported; use 'eq' or 'ne'.");
        }
        if (!operator.equals("eq") && !operator.equals("ne")) {
            throw syntaxError(operatorAt);
        }
        boolean notEqual = operator.equals("ne");
        skipSpace();
        Literal literal = literal();
        if (literal.type() != Literal.Type.NULL && literal.type() != columnType) {
            throw ODataException.badQuery("A binary operator with incompatible types was detected. Found operand types '"
                    + columnType.edmName() + "' and '" + literal.type().edmName() + "' for operator kind '"
                    + (notEqual ? "NotEqual" : "Equal") + "'.");
        }
        return new Comparison(column, notEqual, literal);
    }

    private Literal literal() {
        int start = at;
        if (peek() == '\'') {
            return new Literal(Literal.Type.STRING, quoted());
        }
        if (peek() == '(') {
            throw unsupported("lists and parentheses are not supported.");
        }
        String word = word();
        if (word.isEmpty()) {
            throw syntaxError(start);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("null")) {
            return Literal.NULL;
        }
        if (lower.equals("true") || lower.equals("false")) {
            return new Literal(Literal.Type.BOOLEAN, Boolean.valueOf(lower));
        }
        if (GUID.matcher(word).matches()) {
            return new Literal(Literal.Type.GUID, lower);
        }
        throw unsupported("the literal '" + word + "' is not supported; use null, true, false, a quoted string or a GUID.");
    }

    /** A single-quoted string, {@code ''} standing for one quote. */
    private String quoted() {
        int start = at;
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c != '\'') {
                value.append(c);
            } else if (peek() == '\'') {
                value.append('\'');
                at++;
            } else {
                return value.toString();
            }
        }
        throw ODataException.badQuery("The string literal starting at position " + start + " in '" + text
                + "' is not closed.");
    }

    private Literal.Type typeOf(String column) {
        Literal.Type type = filterable.get(column);
        if (type != null) {
            return type;
        }
        if (columns.readable().contains(column)) {
            throw unsupported("the column '" + column + "' cannot be filtered on; use one of "
                    + String.join(", ", filterable.keySet().stream().sorted().toList()) + ".");
        }
        throw ODataException.badQuery("Could not find a property named '" + column + "' on type '"
                + columns.entityType() + "'.");
    }

    /** Letters, digits and the characters of GUIDs, numbers and dates, so a bad literal is read whole. */
    private String word() {
        skipSpace();
        int start = at;
        while (at < text.length() && isWordChar(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '+';
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private ODataException syntaxError(int position) {
        return ODataException.badQuery("Syntax error at position " + position + " in '" + text + "'.");
    }

    private ODataException unsupported(String what) {
        return ODataException.badQuery("The sandbox's $filter supports '<column> eq|ne <literal>' joined by 'and': "
                + what);
    }
}
