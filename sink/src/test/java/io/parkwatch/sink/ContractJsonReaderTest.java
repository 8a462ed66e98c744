package io.parkwatch.sink;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.json.IsoInstantDeserializer;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The sink's faster reader gives the contract serde's values, and its errors for bad records. */
class ContractJsonReaderTest {

    private final ContractJsonReader<Reading> readings = new ContractJsonReader<>(Topics.READINGS);

    @Test
    void readsTheSameReadingsAsTheContractSerde() {
        Random random = new Random(11L);
        ContractJsonReader<Aggregate> aggregates = new ContractJsonReader<>(Topics.AGGREGATES);
        for (int n = 0; n < 5_000; n++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 250_000_000_000L),
                random.nextInt(10) == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(9)));
            Reading reading = Reading.builder().messageId("m" + n).park("park").enterprise("e1").point("p" + n)
                .domain(Domain.EMISSIONS).metric("a21026").value(n % 7 == 0 ? null : random.nextGaussian())
                .position(n % 7 == 0 ? new Position(39.6, 109.8, 4, 5, 6, 7L, 8L) : null).unit("mg/m3").observedAt(at)
                .receivedAt(at.plusMillis(random.nextInt(5000))).quality(Quality.N).sourceFormat(SourceFormat.JSON)
                .build();
            byte[] json = Topics.READINGS.valueSerde().serializer().serialize("t", reading);
            assertThat(readings.read(json)).isEqualTo(reading)
                .isEqualTo(Topics.READINGS.valueSerde().deserializer().deserialize(Topics.READINGS.name(), json));
            Aggregate aggregate = new Aggregate("park", "e1", "p", Domain.EMISSIONS, "a21026", "mg/m3", "1m", at,
                at.plusSeconds(60), 3, 2, 1.5, 0.1, 0.9);
            byte[] aggregateJson = Topics.AGGREGATES.valueSerde().serializer().serialize("t", aggregate);
            assertThat(aggregates.read(aggregateJson)).isEqualTo(aggregate);
        }
    }

    @Test
    void instantsInOtherSpellingsAreReadAsTheContractReadsThem() {
        for (String at : List.of("2026-11-29T07:21:05.1Z", "2026-11-29T07:21:05.000000001Z", "2026-11-29t07:21:05z",
                "2026-11-29T07:21:05+01:00", "2026-11-29T07:21:05.Z", "1700000000", "1700000000.5", "0000-01-01T00:00:00Z",
                "2024-02-29T23:59:59.999999999Z", "2016-12-31T23:59:60Z", " 2026-11-29T07:21:05Z", "+12026-11-29T07:21:05Z")) {
            assertSameOutcome(json("\"" + at + "\""));
        }
        assertSameOutcome(json("1700000000.25"));
    }

    @Test
    void badRecordsFailWithTheContractSerdesExceptionAndMessage() {
        for (String at : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-29T24:00:00Z",
                "2026-11-29T07:61:05Z", "2026-11-29T07:21:05.1234567891Z", "yesterday", "")) {
            assertSameOutcome(json("\"" + at + "\""));
        }
        assertSameOutcome("{\"messageId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertSameOutcome("not json".getBytes(StandardCharsets.UTF_8));
        assertSameOutcome((new String(json("\"2026-11-29T07:21:05Z\""), StandardCharsets.UTF_8) + " {}")
            .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFastInstantParserAgreesWithInstantParse() {
        Random random = new Random(5L);
        for (int n = 0; n < 20_000; n++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(IsoInstantDeserializer.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(IsoInstantDeserializer.parse("2026-11-29T07:21:05+01:00")).isNull();
        assertThat(IsoInstantDeserializer.parse("2026-02-30T00:00:00Z")).isNull();
    }

    private void assertSameOutcome(byte[] json) {
        Throwable expectedError = catchThrowable(() -> Topics.READINGS.valueSerde().deserializer().deserialize(Topics.READINGS.name(), json));
        Throwable error = catchThrowable(() -> {
            Reading read = readings.read(json);
            assertThat(read).isEqualTo(Topics.READINGS.valueSerde().deserializer().deserialize(Topics.READINGS.name(), json));
        });
        if (expectedError == null) {
            assertThat(error).isNull();
        } else {
            assertThat(error).isNotNull().hasSameClassAs(expectedError).hasMessage(expectedError.getMessage());
        }
    }

    private static byte[] json(String observedAt) {
        return ("{\"messageId\":\"m\",\"park\":\"p\",\"enterprise\":\"e\",\"point\":\"pt\",\"domain\":\"EMISSIONS\","
            + "\"metric\":\"a21026\",\"value\":1.5,\"unit\":\"mg/m3\",\"observedAt\":" + observedAt
            + ",\"receivedAt\":\"2026-11-29T07:21:05Z\",\"quality\":\"N\",\"sourceFormat\":\"JSON\"}")
            .getBytes(StandardCharsets.UTF_8);
    }
}
