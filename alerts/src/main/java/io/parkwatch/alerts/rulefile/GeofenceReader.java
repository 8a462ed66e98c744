package io.parkwatch.alerts.rulefile;

import io.parkwatch.alerts.rule.GeofenceCondition;
import io.parkwatch.contracts.alert.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a {@code geofence:} condition: area (list of [lat, lon]), when inside|outside, severity, maxSpeed. */
final class GeofenceReader {

    private static final Set<String> FIELDS = Set.of("area", "when", "severity", "maxSpeed");

    private GeofenceReader() {
    }

    static GeofenceCondition read(YamlMap map) {
        map.allowOnly(FIELDS);
        Node areaNode = map.node("area");
        if (!(areaNode instanceof SequenceNode vertices) || vertices.getValue().size() < 3) {
            throw map.error("area", "is required: a list of at least 3 [latitude, longitude] vertices");
        }
        List<double[]> area = new ArrayList<>();
        int i = 0;
        for (Node vertex : vertices.getValue()) {
            String field = map.field("area") + '[' + i++ + ']';
            if (!(vertex instanceof SequenceNode pair) || pair.getValue().size() != 2) {
                throw map.error(vertex, field, "expected [latitude, longitude]");
            }
            double latitude = map.number(pair.getValue().get(0), field + "[0]");
            double longitude = map.number(pair.getValue().get(1), field + "[1]");
            if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                throw map.error(vertex, field, "latitude must be within ±90 and longitude within ±180");
            }
            area.add(new double[] {latitude, longitude});
        }
        String when = map.optionalString("when");
        if (when != null && !when.equals("inside") && !when.equals("outside")) {
            throw map.error("when", "expected inside or outside, got '" + when + "'");
        }
        String severityText = map.optionalString("severity");
        Severity severity;
        try {
            severity = severityText == null ? Severity.WARNING : Severity.valueOf(severityText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw map.error("severity", "unknown severity '" + severityText + "'; expected info, warning or critical");
        }
        Double maxSpeed = map.has("maxSpeed") ? map.number("maxSpeed") : null;
        return new GeofenceCondition(area, !"outside".equals(when), severity, maxSpeed);
    }
}
