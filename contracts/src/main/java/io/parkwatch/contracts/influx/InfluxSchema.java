package io.parkwatch.contracts.influx;

/**
 * Measurement, tag and field names in InfluxDB. Tags are what queries filter and group by
 * (low cardinality, always present); fields are the values. Documented in docs/influxdb.md.
 */
public final class InfluxSchema {

    /** Raw readings: tags park, enterprise, point, domain, metric, quality; fields value, message_id. */
    public static final String READING = "reading";
    /** Vehicle positions: same tags as readings; fields lat, lon, speed, heading, altitude, alarm, status. */
    public static final String POSITION = "position";
    /** Windowed aggregates: tags park, enterprise, point, domain, metric, window; fields mean, min, max, count, good_count. */
    public static final String AGGREGATE = "aggregate";

    /** Plan coverage per park, module and class: tags park, module, class; fields required, live, ratio, target, compliant. */
    public static final String COVERAGE = "coverage";
    /** Alert lifecycle events: tags park, enterprise, point, rule, severity, event; fields alert_id, message, occurrences, peak_value. */
    public static final String ALERT = "alert";

    /** Retention policy of raw data (readings, positions, coverage, alerts): the database's default. */
    public static final String RP_RAW = "raw";
    /** Retention policy of the 1-minute aggregates. */
    public static final String RP_AGGREGATE_1M = "agg_1m";
    /** Retention policy of the 1-hour aggregates. */
    public static final String RP_AGGREGATE_1H = "agg_1h";

    /**
     * Daily completeness: tags park, enterprise, point (enterprise and point empty on roll-ups), level;
     * fields expected, received, normal, ratio, rated_hours, valid_hours, valid_hour_share, compliant,
     * points, compliant_points; time = start of the day in the park's zone.
     */
    public static final String COMPLETENESS = "completeness";

    public static final String TAG_PARK = "park";
    public static final String TAG_ENTERPRISE = "enterprise";
    public static final String TAG_POINT = "point";
    public static final String TAG_DOMAIN = "domain";
    public static final String TAG_METRIC = "metric";
    public static final String TAG_QUALITY = "quality";
    public static final String TAG_WINDOW = "window";
    public static final String TAG_UNIT = "unit";
    public static final String TAG_MODULE = "module";
    public static final String TAG_CLASS = "class";
    public static final String TAG_RULE = "rule";
    public static final String TAG_SEVERITY = "severity";
    public static final String TAG_EVENT = "event";
    public static final String TAG_LEVEL = "level";

    public static final String FIELD_VALUE = "value";
    public static final String FIELD_MESSAGE_ID = "message_id";
    public static final String FIELD_MEAN = "mean";
    public static final String FIELD_MIN = "min";
    public static final String FIELD_MAX = "max";
    public static final String FIELD_COUNT = "count";
    public static final String FIELD_GOOD_COUNT = "good_count";
    public static final String FIELD_LATITUDE = "lat";
    public static final String FIELD_LONGITUDE = "lon";
    public static final String FIELD_SPEED = "speed";
    public static final String FIELD_HEADING = "heading";
    public static final String FIELD_ALTITUDE = "altitude";
    public static final String FIELD_ALARM = "alarm";
    public static final String FIELD_STATUS = "status";
    public static final String FIELD_REQUIRED = "required";
    public static final String FIELD_LIVE = "live";
    public static final String FIELD_RATIO = "ratio";
    public static final String FIELD_TARGET = "target";
    public static final String FIELD_COMPLIANT = "compliant";
    public static final String FIELD_SILENT = "silent";
    public static final String FIELD_EXPECTED = "expected";
    public static final String FIELD_RECEIVED = "received";
    public static final String FIELD_NORMAL = "normal";
    public static final String FIELD_RATED_HOURS = "rated_hours";
    public static final String FIELD_VALID_HOURS = "valid_hours";
    public static final String FIELD_VALID_HOUR_SHARE = "valid_hour_share";
    public static final String FIELD_POINTS = "points";
    public static final String FIELD_COMPLIANT_POINTS = "compliant_points";
    public static final String FIELD_ALERT_ID = "alert_id";
    public static final String FIELD_MESSAGE = "message";
    public static final String FIELD_OCCURRENCES = "occurrences";
    public static final String FIELD_PEAK_VALUE = "peak_value";
    /** An alert's limit in force; not "limit", which InfluxQL would need quoted. */
    public static final String FIELD_THRESHOLD = "threshold";
    public static final String FIELD_ACKNOWLEDGED_BY = "acknowledged_by";
    public static final String FIELD_NOTE = "note";

    private InfluxSchema() {
    }
}
