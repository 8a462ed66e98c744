package io.parkwatch.ingest.jt808;

/**
 * The header layout a frame uses. The 2011 and 2013 editions of JT/T 808 share one header and
 * nothing in it tells them apart, so both are {@link #V2013}; a 2019 header sets bit 14 of the
 * body attributes, adds a protocol-version byte and widens the terminal phone.
 */
public enum Jt808Version {
    /** 2011 or 2013 header: terminal phone BCD[6], a 12-digit terminal id. */
    V2013(6),
    /** 2019 header: protocol-version byte, terminal phone BCD[10], a 20-digit terminal id. */
    V2019(10);

    private final int phoneBytes;

    Jt808Version(int phoneBytes) {
        this.phoneBytes = phoneBytes;
    }

    /** Length of the BCD terminal phone in the header; the terminal id has twice as many digits. */
    public int phoneBytes() {
        return phoneBytes;
    }
}
