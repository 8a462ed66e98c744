package io.parkwatch.console.park;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParkDirectoryTest {

    private final ParkDirectory directory = new ParkDirectory();

    private void put(RegistryRecord record) {
        directory.apply(record.key(), record);
    }

    @Test
    void foldsParksEnterprisesAndPointsAndForgetsTombstonedOnes() {
        put(RegistryRecord.of(new ParkEntry("otog", "鄂托克")));
        put(RegistryRecord.of(new EnterpriseEntry("otog", "e001", "XX", Set.of())));
        PointEntry vehicle = new PointEntry("otog", PointEntry.FLEET, "hz-01", Module.LOGISTICS, "hazmat-vehicle",
            Duration.ofSeconds(10), null, "013900000001");
        put(RegistryRecord.of(vehicle));
        assertThat(directory.park("otog")).isPresent();
        assertThat(directory.point("otog/vehicles/hz-01")).contains(vehicle);
        assertThat(directory.vehiclesOf("otog")).containsExactly(vehicle);
        assertThat(directory.size()).isEqualTo(3);

        directory.apply("point:otog/vehicles/hz-01", null);
        directory.apply("enterprise:otog/e001", null);
        assertThat(directory.point("otog/vehicles/hz-01")).isEmpty();
        assertThat(directory.enterprisesOf("otog")).isEmpty();
        assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void aParkCentreIsTheMeanOfItsLocatedEnterprises() {
        put(RegistryRecord.of(new ParkEntry("otog", "鄂托克")));
        assertThat(directory.centreOf("otog")).isEmpty();
        put(RegistryRecord.of(new EnterpriseEntry("otog", "e001", "A", Set.of()).at(new Location(39.46, 106.92))));
        put(RegistryRecord.of(new EnterpriseEntry("otog", "e002", "B", Set.of()).at(new Location(39.48, 106.94))));
        put(RegistryRecord.of(new EnterpriseEntry("otog", "e003", "C", Set.of())));
        Location centre = directory.centreOf("otog").orElseThrow();
        assertThat(centre.lat()).isCloseTo(39.47, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(centre.lon()).isCloseTo(106.93, org.assertj.core.data.Offset.offset(1e-9));
    }
}
