package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;

/** Packed BCD as JT/T 808 writes it: two decimal digits per byte, high nibble first. */
final class Bcd {

    private Bcd() {
    }

    /** The digits of {@code bcd}, leading zeros kept; a nibble above 9 rejects with {@code reason}. */
    static String digits(byte[] bcd, RejectReason reason, String what) throws RejectedInputException {
        StringBuilder digits = new StringBuilder(bcd.length * 2);
        for (byte b : bcd) {
            int high = (b >> 4) & 0x0F;
            int low = b & 0x0F;
            if (high > 9 || low > 9) {
                throw new RejectedInputException(reason, what + " is not BCD: byte 0x"
                    + String.format("%02X", b & 0xFF) + " in " + hex(bcd) + " has a nibble above 9");
            }
            digits.append((char) ('0' + high)).append((char) ('0' + low));
        }
        return digits.toString();
    }

    static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }
}
