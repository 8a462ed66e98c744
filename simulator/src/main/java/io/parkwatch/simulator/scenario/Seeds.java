package io.parkwatch.simulator.scenario;

/** Seeds derived from the simulation's seed and a name, so that each point's randomness is its own. */
final class Seeds {

    private Seeds() {
    }

    static long of(long seed, String... names) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                h = (h ^ name.charAt(i)) * 0x100000001B3L;
            }
            h = Long.rotateLeft(h, 17) ^ 0x5851F42D4C957F2DL;
        }
        return h;
    }
}
