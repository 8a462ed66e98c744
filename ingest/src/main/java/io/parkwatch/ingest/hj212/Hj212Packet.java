package io.parkwatch.ingest.hj212;

/**
 * One HJ 212 packet as read off the wire, its framing and CRC already checked.
 *
 * @param qn   request id (17 digits), null in 2005-style packets
 * @param flag the Flag field, null in 2005-style packets that carry none
 * @param pnum total parts of a split packet, else null
 * @param pno  this part's number, else null
 * @param cp   the CP content between {@code CP=&&} and the closing {@code &&}
 */
public record Hj212Packet(String qn, String st, String cn, String pw, String mn, Integer flag, Integer pnum,
                          Integer pno, String cp) {

    private static final int REPLY_BIT = 0b01;
    private static final int SPLIT_BIT = 0b10;

    /** Flag bit A: the sender waits for an answer. */
    public boolean replyRequested() {
        return flag != null && (flag & REPLY_BIT) != 0;
    }

    /** Flag bit D, or the PNUM/PNO fields that come with it. */
    public boolean split() {
        return flag != null && (flag & SPLIT_BIT) != 0 || pnum != null || pno != null;
    }

    /** Version bits V5..V0 are zero (or there is no Flag): an HJ/T 212-2005 data logger. */
    public boolean legacy() {
        return flag == null || flag >> 2 == 0;
    }
}
