package io.parkwatch.simulator.scenario;

import io.parkwatch.simulator.registry.ParkSites;
import java.time.Instant;
import java.util.List;

/**
 * A vehicle's loop through its park: from the depot round the waypoints and back, at about
 * 30 km/h, then a stop at the depot. Hazmat and external vehicles call at the tank farm, the
 * park's key area; park-owned vehicles keep to the office side. Positions are a function of time,
 * so the same instant gives the same fix.
 */
final class Route {

    private static final double SPEED_MPS = 30 / 3.6;
    private static final double DWELL_SECONDS = 120;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final double KEY_AREA_HALF_SIDE = 0.0015;

    /** A point on the route: where, how fast, which way, and how far along since the epoch. */
    record Position(double latitude, double longitude, double speedKmh, int heading, double mileageKm) {
    }

    private final double[][] waypoints;
    private final double[] keyArea;
    private final double loopMetres;
    private final double phaseSeconds;

    Route(String park, boolean callsAtKeyArea, double phase) {
        double[] centre = ParkSites.centreOf(park);
        double lat = centre[0];
        double lon = centre[1];
        this.keyArea = new double[] {lat + 0.008, lon + 0.010};
        List<double[]> points = callsAtKeyArea
            ? List.of(centre, new double[] {lat - 0.008, lon - 0.010}, new double[] {lat - 0.008, lon + 0.010},
                keyArea, new double[] {lat + 0.008, lon - 0.010}, centre)
            : List.of(centre, new double[] {lat - 0.006, lon - 0.008}, new double[] {lat - 0.006, lon + 0.004}, centre);
        this.waypoints = points.toArray(new double[0][]);
        double length = 0;
        for (int i = 1; i < waypoints.length; i++) {
            length += metres(waypoints[i - 1], waypoints[i]);
        }
        this.loopMetres = length;
        this.phaseSeconds = phase * (length / SPEED_MPS + DWELL_SECONDS);
    }

    Position at(Instant at) {
        double cycle = loopMetres / SPEED_MPS + DWELL_SECONDS;
        double seconds = at.toEpochMilli() / 1000.0 + phaseSeconds;
        long loops = (long) Math.floor(seconds / cycle);
        double inLoop = seconds - loops * cycle;
        if (inLoop >= loopMetres / SPEED_MPS) {
            return new Position(waypoints[0][0], waypoints[0][1], 0, 0, loops * loopMetres / 1000 + loopMetres / 1000);
        }
        double along = inLoop * SPEED_MPS;
        for (int i = 1; i < waypoints.length; i++) {
            double leg = metres(waypoints[i - 1], waypoints[i]);
            if (along <= leg) {
                double f = leg == 0 ? 0 : along / leg;
                double[] from = waypoints[i - 1];
                double[] to = waypoints[i];
                return new Position(from[0] + f * (to[0] - from[0]), from[1] + f * (to[1] - from[1]), SPEED_MPS * 3.6,
                    heading(from, to), (loops * loopMetres + inLoop * SPEED_MPS) / 1000);
            }
            along -= leg;
        }
        return new Position(waypoints[0][0], waypoints[0][1], 0, 0, (loops + 1) * loopMetres / 1000);
    }

    boolean inKeyArea(Position position) {
        return Math.abs(position.latitude() - keyArea[0]) <= KEY_AREA_HALF_SIDE
            && Math.abs(position.longitude() - keyArea[1]) <= KEY_AREA_HALF_SIDE;
    }

    /** The key area as a polygon of [lat, lon] corners, for a geofence rule. */
    static List<double[]> keyAreaOf(String park) {
        double[] c = new Route(park, true, 0).keyArea;
        double h = KEY_AREA_HALF_SIDE;
        return List.of(new double[] {c[0] - h, c[1] - h}, new double[] {c[0] - h, c[1] + h},
            new double[] {c[0] + h, c[1] + h}, new double[] {c[0] + h, c[1] - h});
    }

    private static double metres(double[] a, double[] b) {
        double dy = (b[0] - a[0]) * METRES_PER_DEGREE;
        double dx = (b[1] - a[1]) * METRES_PER_DEGREE * Math.cos(Math.toRadians(a[0]));
        return Math.hypot(dx, dy);
    }

    private static int heading(double[] from, double[] to) {
        double dy = to[0] - from[0];
        double dx = (to[1] - from[1]) * Math.cos(Math.toRadians(from[0]));
        return (int) Math.round((Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360) % 360;
    }
}
