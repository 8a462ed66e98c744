package io.parkwatch.bench;

/** A line on stderr every few seconds while a phase waits, so that a slow run is seen to move. */
final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final long target;
    private long next = System.nanoTime() + EVERY_NANOS;

    Progress(String what, long target) {
        this.what = what;
        this.target = target;
    }

    void report(long now) {
        if (System.nanoTime() >= next) {
            System.err.println("  … " + now + " of " + target + " " + what);
            next = System.nanoTime() + EVERY_NANOS;
        }
    }
}
