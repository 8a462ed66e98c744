package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.validate.UnitCatalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style: random factor sets, encoded by the test-side encoder, decode to exactly the
 * observations they were made from; random corruptions of valid packets are refused with a
 * reason, never with a crash.
 */
class Hj212RoundTripTest {

    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("a21026", "mg/m3"),
        Map.entry("a21002", "mg/m3"), Map.entry("a21005", "mg/m3"), Map.entry("a34013", "mg/m3"),
        Map.entry("a21001", "mg/m3"), Map.entry("a00000", "m3/s"), Map.entry("a01011", "m/s"),
        Map.entry("a01012", "degC"), Map.entry("a01013", "kPa"), Map.entry("a01014", "%"), Map.entry("a19001", "%"),
        Map.entry("w00000", "L/s"), Map.entry("w01001", "pH"), Map.entry("w01018", "mg/L"),
        Map.entry("w21003", "mg/L"), Map.entry("w21011", "mg/L"), Map.entry("w21001", "mg/L"));
    private static final Map<String, String> COU_UNITS = Map.ofEntries(Map.entry("a21026", "kg"),
        Map.entry("a21002", "kg"), Map.entry("a21005", "kg"), Map.entry("a34013", "kg"), Map.entry("a21001", "kg"),
        Map.entry("a00000", "m3"), Map.entry("w00000", "m3"), Map.entry("w01018", "kg"), Map.entry("w21003", "kg"),
        Map.entry("w21011", "kg"), Map.entry("w21001", "kg"));
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Hj212Format format = new Hj212Format(RegistryView.of(List.of(Hj212FormatTest.STACK)),
        UnitCatalog.defaults(), Hj212Settings.DEFAULTS);
    private final Random random = new Random(212);

    @Test
    void randomFactorSetsDecodeToTheObservationsTheyWereEncodedFrom() throws Exception {
        List<String> factors = new ArrayList<>(UNITS.keySet());
        factors.sort(null);
        int checked = 0;
        for (int round = 0; round < 300; round++) {
            boolean hourly = random.nextBoolean();
            String cn = hourly ? "2061" : "2011";
            LocalDateTime local = LocalDateTime.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
            Instant at = local.toInstant(Hj212CpParser.CHINA);
            String qn = local.format(DATA_TIME) + String.format("%03d", random.nextInt(1000));
            StringBuilder cp = new StringBuilder("DataTime=").append(local.format(DATA_TIME));
            List<Observation> expected = new ArrayList<>();
            for (String factor : factors) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                Quality quality = random.nextBoolean() ? Quality.N : Quality.values()[random.nextInt(8)];
                List<String> fields = new ArrayList<>();
                for (String kind : kinds(hourly, factor)) {
                    double value = BigDecimal.valueOf(random.nextGaussian() * 1000).setScale(random.nextInt(5),
                        RoundingMode.HALF_UP).doubleValue();
                    fields.add(factor + '-' + kind + '=' + BigDecimal.valueOf(value).toPlainString());
                    String metric = factor + '-' + kind + (hourly ? "-hour" : "");
                    String unit = "Cou".equals(kind) ? COU_UNITS.get(factor) : UNITS.get(factor);
                    expected.add(Observation.value(Hj212TestPackets.MN + '|' + qn + '|' + metric, metric, value, unit,
                        at, quality));
                }
                if (quality != Quality.N || random.nextBoolean()) {
                    fields.add(random.nextInt(fields.size() + 1), factor + "-Flag=" + quality);
                }
                cp.append(';').append(String.join(",", fields));
            }
            Hj212TestPackets.Builder packet = Hj212TestPackets.packet(cn, cp.toString()).qn(qn);
            if (expected.isEmpty() || packet.segment().length() > Hj212PacketParser.MAX_DATA_SEGMENT) {
                continue;
            }
            DecodedPayload decoded = format.decode(Hj212FormatTest.TOPIC, packet.bytes());
            assertThat(decoded.observations()).as("round %d: %s", round, cp).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).as("packets within the standard's size").isGreaterThan(200);
    }

    private List<String> kinds(boolean hourly, String factor) {
        List<String> kinds = new ArrayList<>(hourly ? List.of("Min", "Avg", "Max") : List.of("Rtd"));
        if (random.nextBoolean()) {
            kinds.add(hourly ? "ZsAvg" : "ZsRtd");
        }
        if (hourly && COU_UNITS.containsKey(factor) && random.nextBoolean()) {
            kinds.add("Cou");
        }
        return kinds;
    }

    @Test
    void corruptedPacketsAreRefusedWithAReasonNeverACrash() {
        byte[] valid = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2,a21026-Flag=N;"
            + "a21002-Rtd=48.1;a00000-Rtd=12.5").flag("5").bytes();
        int refused = 0;
        for (int round = 0; round < 5000; round++) {
            byte[] corrupt = valid.clone();
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                corrupt = Arrays.copyOf(corrupt, random.nextInt(corrupt.length));
            }
            try {
                format.decode(Hj212FormatTest.TOPIC, corrupt);
            } catch (RejectedInputException expected) {
                refused++;
                assertThat(expected.reason()).isNotNull();
                assertThat(expected.detail()).isNotBlank();
            }
        }
        assertThat(refused).as("nearly every corruption breaks the CRC or the frame").isGreaterThan(4900);
    }
}
