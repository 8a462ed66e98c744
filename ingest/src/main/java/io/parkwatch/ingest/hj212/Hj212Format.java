package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.PartAssembler;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.validate.UnitCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HJ 212 packets on {@code parks/{park}/enterprises/{enterprise}/hj212}, one per message. The
 * packet's MN names the point (it must be registered in the park, for the topic's enterprise);
 * CN 2011, 2051, 2061 and 2031 are read, each factor value becoming a reading
 * ({@code a21026-Rtd}, {@code a21026-Avg-hour}, …) with the factor's unit from the
 * {@link UnitCatalog} and its {@code -Flag} as quality. The parts of a split packet are read as
 * one packet when they travel in one message, or, with {@link Hj212Settings#holdSplitParts()},
 * after {@link Hj212Parts} has held them until all are in.
 */
public final class Hj212Format implements PayloadFormat {

    private final PointDirectory directory;
    private final UnitCatalog units;
    private final Hj212Parts parts;
    private final boolean holdSplitParts;

    public Hj212Format(PointDirectory directory, UnitCatalog units, Hj212Settings settings) {
        this.directory = directory;
        this.units = units;
        this.holdSplitParts = settings.holdSplitParts();
        this.parts = new Hj212Parts(settings, (address, packet) -> {
            point(address, packet.mn());
            command(packet);
        });
    }

    @Override
    public SourceFormat sourceFormat() {
        return SourceFormat.HJ212;
    }

    /**
     * One packet, or all parts of one split packet back to back (as {@link Hj212Parts} hands
     * them over once complete, or as a data logger may send them in one message).
     */
    @Override
    public DecodedPayload decode(TopicAddress address, byte[] payload) throws RejectedInputException {
        List<Hj212Packet> packets = Hj212PacketParser.parseAll(payload);
        Hj212Packet first = packets.get(0);
        PointEntry point = point(address, first.mn());
        Hj212Command command = command(first);
        Hj212Packet packet = packets.size() == 1 && !first.split() ? first : Hj212SplitPacket.whole(packets);
        Hj212Data data = Hj212CpParser.parse(packet.cp());
        Optional<byte[]> reply = packet.replyRequested() ? Optional.of(Hj212Replies.dataAnswer(packet))
            : Optional.empty();
        return new DecodedPayload(point, observations(packet, command, data), reply);
    }

    /** Present only when holding is on (see {@link Hj212Settings} for why it is off by default). */
    @Override
    public Optional<PartAssembler> parts() {
        return holdSplitParts ? Optional.of(parts) : Optional.empty();
    }

    @Override
    public byte[] rejectionReply(TopicAddress address, byte[] payload, RejectedInputException rejected) {
        return Hj212Replies.rejected(payload, rejected.reason());
    }

    private static Hj212Command command(Hj212Packet packet) throws RejectedInputException {
        return Hj212Command.of(packet.cn()).orElseThrow(() -> new RejectedInputException(
            RejectReason.HJ212_UNSUPPORTED_COMMAND, "CN " + packet.cn() + " is not accepted; parkwatch reads "
            + "2011 real-time, 2051 minute, 2061 hourly and 2031 daily data"));
    }

    private PointEntry point(TopicAddress address, String mn) throws RejectedInputException {
        PointEntry point = directory.pointByMn(address.park(), mn).orElseThrow(() -> new RejectedInputException(
            RejectReason.HJ212_UNKNOWN_MN, "MN " + mn + " is not registered in park '" + address.park() + "'"));
        if (!point.enterprise().equals(address.enterprise())) {
            throw new RejectedInputException(RejectReason.IDENTITY_MISMATCH, "MN " + mn + " is registered for "
                + "another enterprise than '" + address.enterprise() + "'");
        }
        return point;
    }

    /** Message ids: MN, QN (DataTime when a 2005 packet has no QN) and metric. */
    private List<Observation> observations(Hj212Packet packet, Hj212Command command, Hj212Data data)
            throws RejectedInputException {
        String request = packet.qn() != null ? packet.qn() : data.dataTimeText();
        List<Observation> observations = new ArrayList<>();
        for (Hj212Value value : data.values()) {
            String factor = Hj212Factors.code(value.factor(), packet.legacy());
            String metric = command.metric(factor, value.kind());
            String unit = units.unitOf(metric).orElseThrow(() -> new RejectedInputException(RejectReason.UNKNOWN_UNIT,
                "HJ 212 factor " + factor + " has no unit: it is not in the HJ 212-2017 factor tables nor in "
                + "units.properties, so " + metric + " cannot be read"));
            observations.add(Observation.value(packet.mn() + '|' + request + '|' + metric, metric, value.value(), unit,
                data.dataTime(), value.quality()));
        }
        return observations;
    }
}
