package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.HeldPart;
import io.parkwatch.ingest.format.PartAssembler;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Holds the parts of split HJ 212 packets, per sender, MN, QN and CN, until PNO 1 to PNUM are in.
 * The whole is the parts' raw bytes back to back in PNO order, exactly as received, which
 * {@link Hj212Format#decode} reads as one packet. A repeated part (an MQTT redelivery) joins its
 * packet without replacing the first copy; all copies are answered with the whole.
 */
final class Hj212Parts implements PartAssembler {

    /** What a part must pass before it is held: the MN is the sender's, the CN one parkwatch reads. */
    interface Admission {
        void check(TopicAddress address, Hj212Packet packet) throws RejectedInputException;
    }

    private final Hj212Settings settings;
    private final Admission admission;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    Hj212Parts(Hj212Settings settings, Admission admission) {
        this.settings = settings;
        this.admission = admission;
    }

    @Override
    public boolean isPart(byte[] payload) {
        try {
            return Hj212PacketParser.parse(payload).split();
        } catch (RejectedInputException notOnePacket) {
            // Left to the decoder, which refuses it with the reason.
            return false;
        }
    }

    @Override
    public synchronized Optional<Whole> add(HeldPart part) throws RejectedInputException {
        Hj212Packet packet = Hj212PacketParser.parse(part.payload());
        if (packet.qn() == null || packet.pnum() == null || packet.pno() == null) {
            throw new RejectedInputException(RejectReason.HJ212_MALFORMED, "a split packet needs QN, PNUM and PNO");
        }
        if (packet.pno() < 1 || packet.pno() > packet.pnum()) {
            throw new RejectedInputException(RejectReason.HJ212_MALFORMED,
                "PNO " + packet.pno() + " is outside 1.." + packet.pnum());
        }
        admission.check(part.address(), packet);
        String key = part.address().park() + '/' + part.address().enterprise() + '/' + packet.mn() + '/'
            + packet.qn() + '/' + packet.cn();
        Pending whole = pending.get(key);
        if (whole == null) {
            if (pending.size() >= settings.maxIncompletePackets()) {
                throw new RejectedInputException(RejectReason.HJ212_SPLIT_INCOMPLETE, "the gateway already holds "
                    + pending.size() + " incomplete split packets, its limit; send packet QN " + packet.qn() + " again");
            }
            whole = new Pending(packet, part.receivedAt());
            pending.put(key, whole);
        } else if (!whole.first.pnum().equals(packet.pnum())) {
            throw new RejectedInputException(RejectReason.HJ212_MALFORMED, "PNUM " + packet.pnum()
                + " differs from the PNUM " + whole.first.pnum() + " of the earlier parts of QN " + packet.qn());
        }
        whole.add(packet.pno(), part);
        if (whole.payloads.size() < packet.pnum()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(new Whole(whole.payload(), whole.held));
    }

    @Override
    public synchronized List<Refused> expire(Instant now) {
        List<Refused> refused = new ArrayList<>();
        Iterator<Pending> all = pending.values().iterator();
        while (all.hasNext()) {
            Pending whole = all.next();
            if (now.isBefore(whole.firstAt.plus(settings.splitWindow()))) {
                continue;
            }
            all.remove();
            String detail = "packet QN " + whole.first.qn() + " of MN " + whole.first.mn() + ": only parts "
                + whole.payloads.keySet() + " of " + whole.first.pnum() + " arrived within " + settings.splitWindow();
            for (HeldPart part : whole.held) {
                refused.add(new Refused(part, new RejectedInputException(RejectReason.HJ212_SPLIT_INCOMPLETE, detail)));
            }
        }
        return refused;
    }

    synchronized int incompletePackets() {
        return pending.size();
    }

    /** The parts of one packet so far. */
    private static final class Pending {
        private final Hj212Packet first;
        private final Instant firstAt;
        private final TreeMap<Integer, byte[]> payloads = new TreeMap<>();
        private final List<HeldPart> held = new ArrayList<>();

        Pending(Hj212Packet first, Instant firstAt) {
            this.first = first;
            this.firstAt = firstAt;
        }

        void add(int pno, HeldPart part) {
            payloads.putIfAbsent(pno, part.payload());
            held.add(part);
        }

        byte[] payload() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            payloads.values().forEach(out::writeBytes);
            return out.toByteArray();
        }
    }
}
