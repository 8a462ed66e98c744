package io.parkwatch.ingest.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryViewTest {

    private static final PointEntry STACK = new PointEntry("ordos", "m01", "stack-01", Module.ENVIRONMENT,
        "cems-stack", Duration.ofMinutes(1), "88888880000001", null);
    private static final PointEntry TRUCK = new PointEntry("ordos", PointEntry.FLEET, "hz-01", Module.LOGISTICS,
        "hazmat-vehicle", Duration.ofSeconds(10), null, "013900000001");

    private final RegistryView view = new RegistryView();

    private void put(RegistryRecord record) {
        view.apply(record.key(), record);
    }

    @Test
    void knowsWhatTheTopicAddedAndForgetsWhatItRemoved() {
        put(RegistryRecord.of(new ParkEntry("ordos", "鄂托克")));
        put(RegistryRecord.of(new EnterpriseEntry("ordos", "m01", null, Set.of())));
        put(RegistryRecord.of(STACK));
        put(RegistryRecord.of(TRUCK));

        assertThat(view.knowsPark("ordos")).isTrue();
        assertThat(view.knowsEnterprise("ordos", "m01")).isTrue();
        assertThat(view.point("ordos", "m01", "stack-01")).contains(STACK);
        assertThat(view.pointByMn("ordos", "88888880000001")).contains(STACK);
        assertThat(view.vehicle("ordos", "hz-01")).contains(TRUCK);
        assertThat(view.vehicleByTerminal("013900000001")).contains(TRUCK);

        view.apply(RegistryRecord.of(STACK).key(), null);
        view.apply(RegistryRecord.of(TRUCK).key(), null);
        view.apply("enterprise:ordos/m01", null);
        view.apply("park:ordos", null);
        assertThat(view.point("ordos", "m01", "stack-01")).isEmpty();
        assertThat(view.pointByMn("ordos", "88888880000001")).isEmpty();
        assertThat(view.vehicle("ordos", "hz-01")).isEmpty();
        assertThat(view.vehicleByTerminal("013900000001")).isEmpty();
        assertThat(view.knowsEnterprise("ordos", "m01")).isFalse();
        assertThat(view.knowsPark("ordos")).isFalse();
        assertThat(view.size()).isZero();
    }

    @Test
    void aChangedPointReplacesItsOldDeviceId() {
        put(RegistryRecord.of(STACK));
        PointEntry newLogger = new PointEntry("ordos", "m01", "stack-01", Module.ENVIRONMENT, "cems-stack",
            Duration.ofMinutes(1), "88888880000002", null);
        put(RegistryRecord.of(newLogger));
        assertThat(view.pointByMn("ordos", "88888880000001")).isEmpty();
        assertThat(view.pointByMn("ordos", "88888880000002")).contains(newLogger);
    }

    @Test
    void findsAnMnInEveryParkAndForgetsItWithItsPoint() {
        PointEntry elsewhere = new PointEntry("xilinhot", "e001", "stack-9", Module.ENVIRONMENT, "cems-stack",
            Duration.ofMinutes(1), "88888880000001", null);
        put(RegistryRecord.of(STACK));
        put(RegistryRecord.of(elsewhere));
        assertThat(view.pointsByMn("88888880000001")).containsExactlyInAnyOrder(STACK, elsewhere);

        view.apply(RegistryRecord.of(elsewhere).key(), null);
        assertThat(view.pointsByMn("88888880000001")).containsExactly(STACK);
        PointEntry newLogger = new PointEntry("ordos", "m01", "stack-01", Module.ENVIRONMENT, "cems-stack",
            Duration.ofMinutes(1), "88888880000002", null);
        put(RegistryRecord.of(newLogger));
        assertThat(view.pointsByMn("88888880000001")).isEmpty();
        assertThat(view.pointsByMn("88888880000002")).containsExactly(newLogger);
    }

    @Test
    void aVehicleGivenAnotherTerminalIsNoLongerFoundByTheOldOne() {
        put(RegistryRecord.of(TRUCK));
        PointEntry newTerminal = new PointEntry("ordos", PointEntry.FLEET, "hz-01", Module.LOGISTICS,
            "hazmat-vehicle", Duration.ofSeconds(10), null, "013900000002");
        put(RegistryRecord.of(newTerminal));
        assertThat(view.vehicleByTerminal("013900000001")).isEmpty();
        assertThat(view.vehicleByTerminal("013900000002")).contains(newTerminal);
    }
}
