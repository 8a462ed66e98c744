package io.parkwatch.simulator.scenario;

import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.simulator.registry.ParkSites;
import io.parkwatch.simulator.registry.SampleRegistry;
import java.util.List;
import java.util.Locale;

/**
 * A geofence rule pack for the sample parks, in the rules YAML format: per park its key area
 * (the tank farm the hazmat and external vehicles call at, so entries raise real alerts), a
 * no-parking zone on the south-east bend of the hazmat loop (vehicles pass it at speed; a stop
 * of 5 minutes alerts) and the hazmat route corridor round the whole loop (leaving it is
 * critical). The console draws these polygons on its map.
 */
public final class SampleGeofences {

    /** The pack's name on the rules topic. */
    public static final String PACK = "sample-geofences";

    private static final double LOOP_LAT = 0.008;
    private static final double LOOP_LON = 0.010;
    private static final double CORRIDOR_MARGIN = 0.002;
    private static final double NO_PARKING_HALF_SIDE = 0.001;

    private SampleGeofences() {
    }

    /** The pack for every park of the sample registry (the parks are the same for every seed). */
    public static String forSampleParks() {
        return yaml(SampleRegistry.generate(0).parks().stream().map(ParkEntry::id).toList());
    }

    public static String yaml(List<String> parks) {
        StringBuilder out = new StringBuilder("# Geofences of the sample parks: key areas, no-parking zones and hazmat\n"
            + "# route corridors (parkwatch rules sample). Vertices are [latitude, longitude].\n"
            + "pack: " + PACK + "\nrules:\n");
        for (String park : parks) {
            double[] c = ParkSites.centreOf(park);
            rule(out, "key-area-" + park, "Key area: tank farm of " + park, park,
                "[hazmat-vehicle, external-vehicle]", Route.keyAreaOf(park), "inside", "warning", null, null);
            double lat = c[0] - LOOP_LAT;
            double lon = c[1] + LOOP_LON;
            double h = NO_PARKING_HALF_SIDE;
            rule(out, "no-parking-" + park, "No-parking zone: south-east gate of " + park, park, null,
                square(lat, lon, h, h), "inside", "warning", 3.0, "5m");
            double dLat = LOOP_LAT + CORRIDOR_MARGIN;
            double dLon = LOOP_LON + CORRIDOR_MARGIN;
            rule(out, "hazmat-corridor-" + park, "Hazmat route corridor of " + park, park, "hazmat-vehicle",
                square(c[0], c[1], dLat, dLon), "outside", "critical", null, null);
        }
        return out.toString();
    }

    private static List<double[]> square(double lat, double lon, double halfLat, double halfLon) {
        return List.of(new double[] {lat - halfLat, lon - halfLon}, new double[] {lat - halfLat, lon + halfLon},
            new double[] {lat + halfLat, lon + halfLon}, new double[] {lat + halfLat, lon - halfLon});
    }

    private static void rule(StringBuilder out, String id, String description, String park, String kinds,
                             List<double[]> area, String when, String severity, Double maxSpeed, String holdFor) {
        out.append("  - id: ").append(id).append('\n');
        out.append("    description: \"").append(description).append("\"\n");
        out.append("    match: {domain: LOGISTICS, metric: position, park: ").append(park)
            .append(kinds == null ? "" : ", pointKind: " + kinds).append("}\n");
        out.append("    geofence:\n      area: [");
        for (int i = 0; i < area.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.5f, %.5f]", area.get(i)[0],
                area.get(i)[1]));
        }
        out.append("]\n      when: ").append(when).append("\n      severity: ").append(severity).append('\n');
        if (maxSpeed != null) {
            out.append("      maxSpeed: ").append(maxSpeed).append('\n');
        }
        if (holdFor != null) {
            out.append("    for: ").append(holdFor).append('\n');
        }
    }
}
