package io.parkwatch.console.influxql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One row of an InfluxQL series: the series' tags, its column names and this row's values. */
public record SeriesRow(String measurement, Map<String, String> tags, List<String> columns, JsonNode values) {

    public String tag(String name) {
        return tags.getOrDefault(name, "");
    }

    /** The column's value as text; empty for null. */
    public String text(String column) {
        JsonNode value = value(column);
        return value == null || value.isNull() ? "" : value.asText();
    }

    public double number(String column) {
        JsonNode value = value(column);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }

    public long integer(String column) {
        JsonNode value = value(column);
        return value == null || value.isNull() ? 0 : value.asLong();
    }

    public boolean bool(String column) {
        JsonNode value = value(column);
        return value != null && value.asBoolean();
    }

    private JsonNode value(String column) {
        int index = columns.indexOf(column);
        return index < 0 ? null : values.get(index);
    }
}
