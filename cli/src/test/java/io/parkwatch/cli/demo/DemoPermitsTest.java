package io.parkwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.runtime.PermitPublisher;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.registry.SampleRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPermitsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theDefaultSeedsRegistryHasEveryPlantOfTheSamplePermits() {
        List<PermitPublisher.Entry> entries = DemoPermits.fitting(SampleRegistry.generate(2025), NOW);
        assertThat(entries).extracting(PermitPublisher.Entry::permitKey)
            .containsExactlyInAnyOrder("huolingol/pw01", "huolingol/al01", "otog/c05", "sulige/c10");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.packName()).isEqualTo("permit." + entry.permitKey().replace('/', '.'));
            assertThat(entry.pack().yaml()).contains(entry.permit().number());
        });
    }

    @Test
    void aPermitWhoseEnterpriseTheRegistryLacksIsLeftOut() {
        Registry full = SampleRegistry.generate(2025);
        Registry withoutOtog = new Registry(full.parks(), full.enterprises().stream()
            .filter(e -> !e.park().equals("otog")).toList(), full.points().stream()
            .filter(p -> !p.park().equals("otog")).toList());
        assertThat(DemoPermits.fitting(withoutOtog, NOW)).extracting(PermitPublisher.Entry::permitKey)
            .doesNotContain("otog/c05").hasSize(3);
    }
}
