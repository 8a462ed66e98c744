package io.parkwatch.cli.command;


/** Start-up checks of option values; the error names the option. */
final class Checks {

    private Checks() {
    }

    static void port(int port, String flag) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(flag + " must be 0..65535 (0 picks a free port), got " + port);
        }
    }

    static void atLeastOne(int value, String flag) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
        }
    }

    static void notNegative(int value, String flag) {
        if (value < 0) {
            throw new IllegalArgumentException(flag + " must be 0 or more, got " + value);
        }
    }

    static void positive(double value, String flag) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }
}
