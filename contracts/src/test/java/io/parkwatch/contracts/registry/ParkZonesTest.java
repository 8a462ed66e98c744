package io.parkwatch.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParkZonesTest {

    private static final ZoneId URUMQI = ZoneId.of("Asia/Urumqi");

    @Test
    void aParkEntryWithoutAZoneIsInChinaStandardTime() {
        assertThat(ParkZones.DEFAULT).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(new ParkEntry("ordos", "Ordos").timeZone()).isEqualTo(ParkZones.DEFAULT);
        assertThat(ParkZones.of(new ParkEntry("kashgar", "Kashgar", URUMQI, null))).isEqualTo(URUMQI);
        assertThat(ParkZones.of(null)).isEqualTo(ParkZones.DEFAULT);
    }

    @Test
    void theLookupGivesAListedParkItsZoneAndEveryOtherTheFallback() {
        Map<String, ParkEntry> parks = Map.of("kashgar", new ParkEntry("kashgar", "Kashgar", URUMQI, null));
        ParkZones zones = new ParkZones(id -> Optional.ofNullable(parks.get(id)), ZoneId.of("UTC"));
        assertThat(zones.zoneOf("kashgar")).isEqualTo(URUMQI);
        assertThat(zones.zoneOf("elsewhere")).isEqualTo(ZoneId.of("UTC"));
        assertThat(zones.zoneOf(Optional.empty())).isEqualTo(ZoneId.of("UTC"));
        assertThat(ParkZones.fixed(URUMQI).zoneOf("kashgar")).isEqualTo(URUMQI);
    }
}
