package io.parkwatch.contracts.reading;

import java.util.Objects;

/**
 * The key that identifies a point across the park: {@code park/enterprise/point}. Every topic
 * keyed by point uses it, so co-partitioned joins line up; the text is a Kafka key with stored
 * state behind it and must never change.
 *
 * <p>The readings path builds and reads these keys 10k+ times a second, so beside the record
 * there are static methods that work on the text without allocating a record: {@link #text},
 * {@link #parkOf}, {@link #enterpriseOf} and {@link #pointOf}. The latter three are lenient: they
 * also read an enterprise's key {@code park/enterprise}, which coverage's silent lists hold among
 * point keys.
 */
public record PointKey(String park, String enterprise, String point) {

    private static final char SEPARATOR = '/';

    public PointKey {
        check("park", park);
        check("enterprise", enterprise);
        check("point", point);
    }

    public static PointKey of(String park, String enterprise, String point) {
        return new PointKey(park, enterprise, point);
    }

    /** The key {@code text} writes: exactly three non-empty parts, or an error that says what is wrong. */
    public static PointKey parse(String text) {
        Objects.requireNonNull(text, "point key");
        int first = text.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : text.indexOf(SEPARATOR, first + 1);
        if (second < 0 || text.indexOf(SEPARATOR, second + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a point key: expected park/enterprise/point");
        }
        try {
            return new PointKey(text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a point key: " + e.getMessage(), e);
        }
    }

    /** The key's text, {@code park/enterprise/point}, without a record; unchecked, for hot paths. */
    public static String text(String park, String enterprise, String point) {
        return park + SEPARATOR + enterprise + SEPARATOR + point;
    }

    /** The park of a point (or enterprise) key: the text before the first {@code /}; all of it when none. */
    public static String parkOf(String key) {
        int first = key.indexOf(SEPARATOR);
        return first < 0 ? key : key.substring(0, first);
    }

    /** The enterprise of a point (or enterprise) key, or null when the key has no second part. */
    public static String enterpriseOf(String key) {
        int first = key.indexOf(SEPARATOR);
        if (first < 0) {
            return null;
        }
        int second = key.indexOf(SEPARATOR, first + 1);
        return second < 0 ? key.substring(first + 1) : key.substring(first + 1, second);
    }

    /** The point of a point key (everything after the second {@code /}), or null when there is none. */
    public static String pointOf(String key) {
        int first = key.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : key.indexOf(SEPARATOR, first + 1);
        return second < 0 ? null : key.substring(second + 1);
    }

    @Override
    public String toString() {
        return text(park, enterprise, point);
    }

    private static void check(String part, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the " + part + " is empty");
        }
        if (value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("the " + part + " '" + value + "' contains '/'");
        }
    }
}
