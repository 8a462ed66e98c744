package io.parkwatch.simulator.permit;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.file.PermitFileReader;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.registry.SampleRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplePermitsTest {

    @Test
    void everySamplePermitIsValidAgainstTheSampleRegistryOfTheDefaultSeed() {
        Registry registry = SampleRegistry.generate(2025);

        for (Map.Entry<String, String> file : SamplePermits.all().entrySet()) {
            Permit permit = PermitFileReader.read(file.getKey(), file.getValue(), FactorCatalog.hj212(), registry);
            assertThat(file.getKey()).isEqualTo(permit.park() + "-" + permit.enterprise() + ".yaml");
            assertThat(permit.annualTotals()).isNotEmpty();
        }
    }

    @Test
    void theSamplePlantsAreTheTradesTheirStandardsCover() {
        Registry registry = SampleRegistry.generate(2025);

        assertThat(registry.enterprises()).anySatisfy(e -> {
            assertThat(e.park() + "/" + e.id()).isEqualTo("otog/c05");
            assertThat(e.name()).contains("水泥");
        });
        assertThat(registry.enterprises()).anySatisfy(e -> {
            assertThat(e.park() + "/" + e.id()).isEqualTo("sulige/c10");
            assertThat(e.name()).contains("烯烃");
        });
    }
}
