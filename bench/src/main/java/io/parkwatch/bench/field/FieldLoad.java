package io.parkwatch.bench.field;

import io.parkwatch.simulator.tcp.Delivery;
import io.parkwatch.simulator.tcp.FieldClients;
import io.parkwatch.simulator.wire.Hj212Encoder;
import io.parkwatch.simulator.wire.Jt808Encoder;
import io.parkwatch.simulator.wire.Jt808Encoder.Fix;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The soak's reports: every device reports once per interval, the devices spread evenly over
 * it. A terminal sends a 0x0200 location report (serials counted per terminal), a logger a CN 2011
 * real-time packet of two factors; each is handed to its TCP client with the key its readings'
 * message ids start with.
 */
final class FieldLoad {

    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
        .withZone(ZoneOffset.ofHours(8));

    private final FieldClients clients;
    private final List<String> terminals;
    private final List<String> loggers;
    private final long intervalMillis;
    private final Clock clock;
    private final long[] nextDue;
    private final int[] serials;

    FieldLoad(FieldClients clients, FieldFleet fleet, long intervalMillis, Clock clock, long startMillis) {
        this.clients = clients;
        this.terminals = fleet.terminals();
        this.loggers = List.copyOf(fleet.passwordsByMn().keySet());
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        int devices = terminals.size() + loggers.size();
        this.nextDue = new long[devices];
        this.serials = new int[terminals.size()];
        for (int i = 0; i < devices; i++) {
            nextDue[i] = startMillis + intervalMillis * i / devices;
        }
    }

    /** Hands out every report due by now. */
    void tick() {
        long now = clock.millis();
        for (int i = 0; i < nextDue.length; i++) {
            while (nextDue[i] <= now) {
                // Stamped with the time it was due: reports handed out late together stay distinct.
                Instant due = Instant.ofEpochMilli(nextDue[i]);
                nextDue[i] += intervalMillis;
                if (i < terminals.size()) {
                    terminalReport(i, due);
                } else {
                    loggerReport(loggers.get(i - terminals.size()), due);
                }
            }
        }
    }

    private void terminalReport(int index, Instant due) {
        String terminal = terminals.get(index);
        int serial = serials[index]++ & 0xFFFF;
        Instant at = due.truncatedTo(ChronoUnit.SECONDS);
        byte[] body = Jt808Encoder.locationBody(new Fix(43.9 + index * 1e-5, 116.0 + serial * 1e-6, 1100, 30, 90, 0,
            serial * 0.1, at));
        byte[] frame = Jt808Encoder.frame(Jt808Encoder.LOCATION_REPORT, terminal, serial, body);
        clients.sendJt808(terminal, new Delivery(frame, terminal + "|" + serial + "|" + at.toEpochMilli()));
    }

    private void loggerReport(String mn, Instant qn) {
        String cp = String.format(Locale.ROOT, "a21026-Rtd=%.3f,a21026-Flag=N;a21002-Rtd=%.3f,a21002-Flag=N",
            0.02 + (qn.toEpochMilli() % 7) / 1000.0, 0.03 + (qn.toEpochMilli() % 5) / 1000.0);
        byte[] packet = Hj212Encoder.packet("2011", mn, qn, qn, cp);
        clients.sendHj212(mn, new Delivery(packet, mn + "|" + QN.format(qn)));
    }
}
