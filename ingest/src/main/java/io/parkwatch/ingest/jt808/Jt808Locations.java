package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the location messages of a {@link Jt808Frame}: 0x0200 location report and 0x0704
 * batch upload (positions buffered while the vehicle had no coverage, so late by design).
 * Any other message id is JT808_UNSUPPORTED_MESSAGE. Pure: no I/O, no state.
 *
 * <p>Each report becomes an observation {@value #METRIC_POSITION} (value null, a contracts
 * {@code Position}, unit "") and, when the report carries additional item 0x01, an observation
 * {@value #METRIC_MILEAGE} in km.
 *
 * <p>Quality: a report whose status bit 1 (positioned) is set is {@code N}. One without a fix
 * carries the terminal's stale or zero coordinates, which must neither feed geofence rules nor
 * make the vehicle count as live, so it is {@code B}: the HJ 212 flag for "the instrument's
 * input was lost", which is what losing the satellite signal is ({@code D}, instrument fault,
 * would blame a receiver that is usually fine in a tunnel or garage). The report's mileage
 * shares its quality, so one report never counts as good and bad at once. The status word
 * stays in the position for rules that want the exact bits.
 *
 * <p>Message ids follow the JT/T 808 rule terminal + serial + time: the position observation's
 * id is {@code terminal|serial|epochMillis}, the mileage observation's the same plus
 * {@code |mileage} so each reading's id stays unique. Batch items share the batch's serial, and
 * two of them may carry the same time (a terminal that buffered while its clock stood still), so
 * a batch item's id adds its 1-based index in the batch: {@code terminal|serial|epochMillis|index}.
 * Every id is a function of the frame alone, so a re-sent batch maps to the same ids.
 */
public final class Jt808Locations {

    public static final int LOCATION_REPORT = 0x0200;
    public static final int BATCH_LOCATION_UPLOAD = 0x0704;
    public static final String METRIC_POSITION = "position";
    public static final String METRIC_MILEAGE = "mileage";

    private static final int BATCH_NORMAL = 0;
    private static final int BATCH_BLIND_AREA = 1;

    private Jt808Locations() {
    }

    /** The observations of a 0x0200 or 0x0704 frame, in the order the terminal sent them. */
    public static List<Observation> observations(Jt808Frame frame) throws RejectedInputException {
        List<Observation> observations = new ArrayList<>();
        List<Jt808LocationReport> reports = reports(frame);
        boolean batch = frame.messageId() == BATCH_LOCATION_UPLOAD;
        for (int i = 0; i < reports.size(); i++) {
            Jt808LocationReport report = reports.get(i);
            String messageId = frame.terminalId() + '|' + frame.serial() + '|' + report.observedAt().toEpochMilli()
                + (batch ? "|" + (i + 1) : "");
            Quality quality = report.positioned() ? Quality.N : Quality.B;
            observations.add(new Observation(messageId, METRIC_POSITION, null, report.position(), "",
                report.observedAt(), quality));
            if (report.mileageKm() != null) {
                observations.add(new Observation(messageId + '|' + METRIC_MILEAGE, METRIC_MILEAGE,
                    report.mileageKm(), null, "km", report.observedAt(), quality));
            }
        }
        return observations;
    }

    /** The location reports of a 0x0200 (one) or 0x0704 (one per item) frame. */
    public static List<Jt808LocationReport> reports(Jt808Frame frame) throws RejectedInputException {
        byte[] body = frame.body();
        return switch (frame.messageId()) {
            case LOCATION_REPORT -> List.of(LocationBodyReader.read(new Jt808Reader(body, 0, body.length, "body")));
            case BATCH_LOCATION_UPLOAD -> batch(new Jt808Reader(body, 0, body.length, "batch"));
            default -> throw new RejectedInputException(RejectReason.JT808_UNSUPPORTED_MESSAGE, "message "
                + frame.messageIdHex() + " from terminal " + frame.terminalId() + " is not accepted; parkwatch "
                + "reads 0x0200 location reports and 0x0704 batch uploads");
        };
    }

    /** count WORD, type BYTE, then count items of {@code length WORD, location body}. */
    private static List<Jt808LocationReport> batch(Jt808Reader in) throws RejectedInputException {
        int count = in.u16("item count");
        int type = in.u8("batch type");
        if (count == 0) {
            throw new RejectedInputException(RejectReason.JT808_MALFORMED, "the batch holds no location report");
        }
        if (type != BATCH_NORMAL && type != BATCH_BLIND_AREA) {
            throw new RejectedInputException(RejectReason.JT808_MALFORMED,
                "batch type " + type + " is neither 0 (normal) nor 1 (blind-area re-send)");
        }
        List<Jt808LocationReport> reports = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String item = "batch item " + i + " of " + count;
            int length = in.u16(item + " length");
            reports.add(LocationBodyReader.read(in.slice(length, item, item)));
        }
        if (in.remaining() > 0) {
            throw new RejectedInputException(RejectReason.JT808_MALFORMED,
                "batch: " + in.remaining() + " bytes follow the last of its " + count + " items");
        }
        return reports;
    }
}
