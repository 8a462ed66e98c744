package io.parkwatch.alerts.rulefile;

/**
 * A rule file that cannot be used, with the place of the mistake: the file, the line (1-based)
 * and the field path (e.g. {@code rules[2].above.warning.trigger}). Bad input: fix the file.
 */
public final class RuleFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String field;

    public RuleFileException(String source, int line, String field, String problem) {
        super(source + " line " + line + (field.isEmpty() ? "" : ", field " + field) + ": " + problem);
        this.line = line;
        this.field = field;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
