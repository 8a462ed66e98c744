package io.parkwatch.contracts.reading;

/**
 * The key that identifies a point across the park: {@code park/enterprise/point}. Every topic
 * keyed by point uses it, so co-partitioned joins line up.
 */
public final class PointKeys {

    private PointKeys() {
    }

    public static String of(String park, String enterprise, String point) {
        return park + '/' + enterprise + '/' + point;
    }
}
