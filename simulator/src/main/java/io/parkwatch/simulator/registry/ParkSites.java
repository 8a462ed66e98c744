package io.parkwatch.simulator.registry;

import io.parkwatch.contracts.registry.Location;
import java.util.Map;
import java.util.Random;

/**
 * Where the sample parks lie (their administrative centres, roughly) and where their enterprises
 * stand: on a sunflower spiral round the centre, nudged by the seed, so a park of 242 firms
 * spreads over about a kilometre and the same seed always gives the same sites.
 */
public final class ParkSites {

    private static final Map<String, double[]> CENTRES = Map.of(
        "xilinhot", new double[] {43.93, 116.08},
        "otog", new double[] {39.46, 106.93},
        "sulige", new double[] {38.73, 108.85},
        "jungar", new double[] {39.87, 111.22},
        "huolingol", new double[] {45.53, 119.67});
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
    private static final double INNER_DEGREES = 0.0012;
    private static final double STEP_DEGREES = 0.00055;
    private static final double JITTER_DEGREES = 0.0002;

    private ParkSites() {
    }

    /** {latitude, longitude} of the park's centre; a made-up one for a park that is not a sample park. */
    public static double[] centreOf(String park) {
        double[] centre = CENTRES.getOrDefault(park, new double[] {40 + Math.floorMod(park.hashCode(), 50) / 10.0,
            110});
        return centre.clone();
    }

    /** The site of the park's {@code index}-th enterprise (0-based) for {@code seed}. */
    public static Location enterpriseSite(String park, int index, long seed) {
        double[] centre = centreOf(park);
        Random jitter = new Random(seed * 31 + park.hashCode() * 17L + index);
        double radius = INNER_DEGREES + STEP_DEGREES * Math.sqrt(index)
            + (jitter.nextDouble() - 0.5) * JITTER_DEGREES;
        double angle = index * GOLDEN_ANGLE + (jitter.nextDouble() - 0.5) * 0.2;
        double lat = centre[0] + radius * Math.cos(angle);
        double lon = centre[1] + radius * Math.sin(angle) / Math.cos(Math.toRadians(centre[0]));
        return new Location(round(lat), round(lon));
    }

    /** To five decimals (about a metre): enough for a map, and the registry file stays readable. */
    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
