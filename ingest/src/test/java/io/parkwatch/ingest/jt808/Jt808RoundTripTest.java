package io.parkwatch.ingest.jt808;

import static io.parkwatch.ingest.jt808.Jt808TestFrames.batchBody;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.frame;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.locationBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.jt808.Jt808TestFrames.Fix;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style: random fields → encode → decode → the same fields, over seeded random cases. */
class Jt808RoundTripTest {

    private static final int CASES = 2_000;

    private final Random random = new Random(808);

    @Test
    void aLocationReportSurvivesEncodingAndDecoding() throws Exception {
        int escaped = 0;
        for (int i = 0; i < CASES; i++) {
            Fix fix = randomFix();
            boolean v2019 = random.nextBoolean();
            String terminal = digits(v2019 ? 20 : 12);
            int serial = i % 10 == 0 ? 0x7E7D : random.nextInt(65536);
            Jt808TestFrames.FrameBuilder builder = frame(0x0200, locationBody(fix)).terminal(terminal).serial(serial);
            byte[] payload = (v2019 ? builder.version2019(terminal) : builder).build();
            escaped += escapes(payload) > 0 ? 1 : 0;

            Jt808Frame decoded = Jt808FrameDecoder.decode(payload);
            assertThat(decoded.terminalId()).isEqualTo(terminal);
            assertThat(decoded.serial()).isEqualTo(serial);
            assertThat(decoded.version()).isEqualTo(v2019 ? Jt808Version.V2019 : Jt808Version.V2013);
            assertMatches(Jt808Locations.observations(decoded), List.of(fix), terminal + "|" + serial + "|", false);
        }
        assertThat(escaped).as("frames that needed escaping").isGreaterThan(CASES / 5);
    }

    @Test
    void aBatchSurvivesEncodingAndDecoding() throws Exception {
        for (int i = 0; i < CASES / 10; i++) {
            List<Fix> fixes = new ArrayList<>();
            byte[][] items = new byte[1 + random.nextInt(8)][];
            for (int j = 0; j < items.length; j++) {
                fixes.add(randomFix());
                items[j] = locationBody(fixes.get(j));
            }
            byte[] payload = frame(0x0704, batchBody(random.nextInt(2), items)).serial(i).build();

            assertMatches(Jt808Locations.observations(Jt808FrameDecoder.decode(payload)), fixes,
                "013912345678|" + i + "|", true);
        }
    }

    @Test
    void escapesInEveryFieldSurvive() throws Exception {
        Fix fix = new Fix(0x7E7D7E7DL, 0x7E7D7E7EL, 0x007E7D7EL, 0x007D7E7DL, 0x7E7D, 0x7D7E, 0x7E,
            LocalDateTime.of(2026, 1, 2, 3, 4, 5), 0x7E7E7D7DL);
        byte[] payload = frame(0x0200, locationBody(fix)).serial(0x7D7E).build();

        assertThat(escapes(payload)).isGreaterThanOrEqualTo(20);
        assertMatches(Jt808Locations.observations(Jt808FrameDecoder.decode(payload)), List.of(fix),
            "013912345678|" + 0x7D7E + "|", false);
    }

    private void assertMatches(List<Observation> observations, List<Fix> fixes, String idPrefix, boolean batch) {
        List<Observation> positions = observations.stream().filter(o -> o.position() != null).toList();
        assertThat(positions).hasSameSizeAs(fixes);
        for (int i = 0; i < fixes.size(); i++) {
            Fix fix = fixes.get(i);
            Observation observation = positions.get(i);
            Instant at = fix.beijingTime().toInstant(ZoneOffset.ofHours(8));
            long latitude = (fix.status() & 0x4) != 0 ? -fix.latitudeMicro() : fix.latitudeMicro();
            long longitude = (fix.status() & 0x8) != 0 ? -fix.longitudeMicro() : fix.longitudeMicro();
            assertThat(observation.position()).isEqualTo(new Position(latitude / 1e6, longitude / 1e6,
                fix.speedTenths() / 10.0, fix.direction(), fix.altitude(), fix.alarm(), fix.status()));
            assertThat(observation.observedAt()).isEqualTo(at);
            assertThat(observation.messageId()).isEqualTo(idPrefix + at.toEpochMilli() + (batch ? "|" + (i + 1) : ""));
            assertThat(observation.quality()).isEqualTo((fix.status() & 0x2) != 0 ? Quality.N : Quality.B);
        }
        List<Double> mileage = observations.stream().filter(o -> o.position() == null).map(Observation::value)
            .toList();
        assertThat(mileage).containsExactlyElementsOf(fixes.stream().filter(f -> f.mileageTenths() != null)
            .map(f -> f.mileageTenths() / 10.0).toList());
    }

    private Fix randomFix() {
        LocalDateTime time = LocalDateTime.of(2000 + random.nextInt(100), 1, 1, 0, 0)
            .plusSeconds(random.nextInt(365 * 24 * 3600));
        return new Fix(random.nextLong(1L << 32), random.nextLong(1L << 32), random.nextLong(90_000_001),
            random.nextLong(180_000_001), random.nextInt(65536), random.nextInt(65536), random.nextInt(360), time,
            random.nextBoolean() ? random.nextLong(1L << 32) : null);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static int escapes(byte[] payload) {
        int count = 0;
        for (byte b : payload) {
            if (b == 0x7D) {
                count++;
            }
        }
        return count;
    }
}
