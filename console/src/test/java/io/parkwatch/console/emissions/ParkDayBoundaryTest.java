package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Each park's daily emission buckets run midnight to midnight in its own registry zone. */
class ParkDayBoundaryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId FALLBACK = ZoneId.of("UTC");

    private final ParkDirectory directory = new ParkDirectory();
    private final ParkZones zones = new ParkZones(directory::park, FALLBACK);

    ParkDayBoundaryTest() {
        RegistryRecord ordos = RegistryRecord.of(new ParkEntry("ordos", "Ordos", ZoneId.of("Asia/Shanghai"), null));
        RegistryRecord kashgar = RegistryRecord.of(new ParkEntry("kashgar", "Kashgar", ZoneId.of("Asia/Urumqi"), null));
        directory.apply(ordos.key(), ordos);
        directory.apply(kashgar.key(), kashgar);
    }

    private EmissionQuery daily(String park) throws BadParameterException {
        String parkParam = park == null ? "" : "&park=" + park;
        return EmissionQuery.parse(QueryParameters.of(URI.create("/api/v1/emissions?interval=1d"
            + "&from=2026-11-01&to=2026-11-02" + parkParam), EmissionQuery.PARAMETERS), zones, CLOCK);
    }

    @Test
    void twoParksWithDifferentZonesGetTheirOwnMidnights() throws Exception {
        EmissionQuery ordos = daily("ordos");
        EmissionQuery kashgar = daily("kashgar");
        assertThat(ordos.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(kashgar.from()).isEqualTo(Instant.parse("2026-10-31T18:00:00Z"));
        assertThat(EmissionStatement.of(ordos)).endsWith("tz('Asia/Shanghai')");
        assertThat(EmissionStatement.of(kashgar)).endsWith("tz('Asia/Urumqi')");
    }

    @Test
    void aParkTheRegistryDoesNotListAndNoParkAtAllGetTheFallback() throws Exception {
        assertThat(daily("unlisted").zone()).isEqualTo(FALLBACK);
        assertThat(daily(null).zone()).isEqualTo(FALLBACK);
        assertThat(daily(null).from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void anExplicitTzStillWinsOverTheParkZone() throws Exception {
        EmissionQuery query = EmissionQuery.parse(QueryParameters.of(URI.create(
            "/api/v1/emissions?park=kashgar&tz=Asia/Shanghai&from=2026-11-01"), EmissionQuery.PARAMETERS), zones, CLOCK);
        assertThat(query.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(query.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    }
}
