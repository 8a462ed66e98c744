package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Puts the parts of a split packet back together: every part of one MN, QN and CN, PNO 1 to
 * PNUM each once; the whole has their CP fields in PNO order and no split flag.
 */
final class Hj212SplitPacket {

    private static final int SPLIT_BIT = 0b10;

    private Hj212SplitPacket() {
    }

    static Hj212Packet whole(List<Hj212Packet> parts) throws RejectedInputException {
        Hj212Packet first = parts.get(0);
        for (Hj212Packet part : parts) {
            if (!part.split() || part.qn() == null || part.pnum() == null || part.pno() == null) {
                throw new RejectedInputException(RejectReason.HJ212_MALFORMED, "the message holds " + parts.size()
                    + " packets; only the parts (QN, PNUM, PNO) of one split packet may travel together");
            }
            if (!part.qn().equals(first.qn()) || !part.mn().equals(first.mn()) || !part.cn().equals(first.cn())
                    || !part.pnum().equals(first.pnum())) {
                throw new RejectedInputException(RejectReason.HJ212_MALFORMED, "parts of different packets travel "
                    + "together: QN " + first.qn() + " and " + part.qn() + " (MN, CN and PNUM must match too)");
            }
        }
        List<Hj212Packet> ordered = new ArrayList<>(parts);
        ordered.sort(Comparator.comparing(Hj212Packet::pno));
        TreeSet<Integer> numbers = ordered.stream().map(Hj212Packet::pno).collect(Collectors.toCollection(TreeSet::new));
        if (numbers.size() != ordered.size()) {
            throw new RejectedInputException(RejectReason.HJ212_MALFORMED, "a part number repeats among " + ordered
                .stream().map(p -> String.valueOf(p.pno())).collect(Collectors.joining(",")));
        }
        if (numbers.size() != first.pnum() || numbers.first() != 1 || numbers.last() != (int) first.pnum()) {
            throw new RejectedInputException(RejectReason.HJ212_SPLIT_INCOMPLETE, "packet QN " + first.qn()
                + " has parts " + numbers + " of " + first.pnum() + " here; send all parts of a split packet in "
                + "one message (the gateway holds separately sent parts only when configured to)");
        }
        String cp = ordered.stream().map(Hj212Packet::cp).filter(Objects::nonNull).collect(Collectors.joining(";"));
        Integer flag = first.flag() == null ? null : first.flag() & ~SPLIT_BIT;
        return new Hj212Packet(first.qn(), first.st(), first.cn(), first.pw(), first.mn(), flag, null, null, cp);
    }
}
