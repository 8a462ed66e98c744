package io.parkwatch.contracts.factor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CSV subset the factor tables use: one header line naming the expected columns, then one
 * row per line, fields separated by commas and double-quoted when they hold one (RFC 4180
 * quoting, {@code ""} for a quote; no line breaks inside fields).
 */
final class CsvTable {

    private CsvTable() {
    }

    static List<Row> read(String file, Reader reader, List<String> columns) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || !split(file, 1, header).equals(columns)) {
            throw new IllegalArgumentException(file + ":1: the header must be " + String.join(",", columns));
        }
        List<Row> rows = new ArrayList<>();
        int number = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(file, number, line);
            if (fields.size() != columns.size()) {
                throw new IllegalArgumentException(file + ":" + number + ": " + fields.size() + " fields, expected "
                    + columns.size() + " (" + String.join(",", columns) + ")");
            }
            rows.add(new Row(file, number, columns, fields));
        }
        return rows;
    }

    private static List<String> split(String file, int number, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"' && (quoted || field.length() == 0)) {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + ":" + number + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }

    /** One data line, its fields by column name. */
    static final class Row {
        private final String file;
        private final int line;
        private final List<String> columns;
        private final List<String> fields;

        private Row(String file, int line, List<String> columns, List<String> fields) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.fields = fields;
        }

        String get(String column) {
            return fields.get(columns.indexOf(column));
        }

        String nonEmpty(String column) {
            String value = get(column);
            if (value.isBlank() || !value.equals(value.strip())) {
                throw invalid(column + " '" + value + "' is empty or has surrounding blanks");
            }
            return value;
        }

        String require(String column, Pattern pattern) {
            String value = get(column);
            if (!pattern.matcher(value).matches()) {
                throw invalid(column + " '" + value + "' does not match " + pattern.pattern());
            }
            return value;
        }

        IllegalArgumentException invalid(String message) {
            return new IllegalArgumentException(file + ":" + line + ": " + message);
        }
    }
}
