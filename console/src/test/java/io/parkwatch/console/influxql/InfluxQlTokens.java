package io.parkwatch.console.influxql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits InfluxQL text the way InfluxDB's scanner does into quoted tokens and everything else,
 * so a test can prove that a value stayed inside its quotes: the unquoted skeleton of a
 * statement must not change whatever the value, and the value must come back intact.
 *
 * @param skeleton the text outside quotes, each quoted token replaced by {@code ?} or {@code "?"}
 * @param literals the decoded single-quoted strings, in order
 */
public record InfluxQlTokens(String skeleton, List<String> literals) {

    /** Scans like influxql's ScanString: a raw newline or an unknown escape inside quotes is an error. */
    public static InfluxQlTokens scan(String statement) {
        StringBuilder skeleton = new StringBuilder();
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (c != '\'' && c != '"') {
                skeleton.append(c);
                i++;
                continue;
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (true) {
                if (i >= statement.length()) {
                    throw new IllegalArgumentException("unterminated quote in " + statement);
                }
                char ch = statement.charAt(i++);
                if (ch == c) {
                    break;
                }
                if (ch == '\n') {
                    throw new IllegalArgumentException("raw newline inside quotes in " + statement);
                }
                if (ch == '\\') {
                    value.append(unescape(statement, i++));
                } else {
                    value.append(ch);
                }
            }
            if (c == '\'') {
                literals.add(value.toString());
                skeleton.append('?');
            } else {
                skeleton.append("\"?\"");
            }
        }
        return new InfluxQlTokens(skeleton.toString(), literals);
    }

    private static char unescape(String statement, int at) {
        char escaped = at < statement.length() ? statement.charAt(at) : '\0';
        return switch (escaped) {
            case 'n' -> '\n';
            case '\\', '\'', '"' -> escaped;
            default -> throw new IllegalArgumentException("bad escape \\" + escaped + " in " + statement);
        };
    }
}
