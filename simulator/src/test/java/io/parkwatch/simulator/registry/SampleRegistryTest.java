package io.parkwatch.simulator.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.registry.file.RegistryFileReader;
import io.parkwatch.contracts.registry.file.RegistryFileWriter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleRegistryTest {

    private final Registry sample = SampleRegistry.generate(2025);

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnother() {
        String text = RegistryFileWriter.toText(sample);
        assertThat(RegistryFileWriter.toText(SampleRegistry.generate(2025))).isEqualTo(text);
        assertThat(RegistryFileWriter.toText(SampleRegistry.generate(2026))).isNotEqualTo(text);
    }

    @Test
    void everyEnterpriseStandsWithinTwoKilometresOfItsParkCentre() {
        assertThat(sample.enterprises()).allSatisfy(e -> {
            double[] centre = ParkSites.centreOf(e.park());
            assertThat(e.location()).isNotNull();
            assertThat(Math.abs(e.location().lat() - centre[0])).isLessThan(0.015);
            assertThat(Math.abs(e.location().lon() - centre[1])).isLessThan(0.02);
        });
        assertThat(sample.enterprisesOf("xilinhot").stream().map(EnterpriseEntry::location).distinct())
            .hasSize(242);
    }

    @Test
    void theSamplePassesTheReaderChecksAndReadsBackEqual() {
        assertThat(RegistryFileReader.read("sample.yaml", RegistryFileWriter.toText(sample))).isEqualTo(sample);
    }

    @Test
    void xilinhotHasTheSurveyedFirmsAndStatusMix() {
        assertThat(sample.enterprisesOf("xilinhot")).hasSize(242);
        Map<EnterpriseStatus, Long> statuses = sample.enterprisesOf("xilinhot").stream()
            .collect(Collectors.groupingBy(EnterpriseEntry::status, Collectors.counting()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
            EnterpriseStatus.OPERATING, 74L, EnterpriseStatus.SWITCHED_PRODUCT, 15L,
            EnterpriseStatus.PARTLY_RENTED_OUT, 17L, EnterpriseStatus.RENTED_OUT, 115L,
            EnterpriseStatus.STOPPED, 15L, EnterpriseStatus.UNDER_CONSTRUCTION, 4L, EnterpriseStatus.NEVER_BUILT, 2L));
        assertThat(sample.enterprisesOf("xilinhot").get(0).status()).isEqualTo(EnterpriseStatus.OPERATING);
        assertThat(sample.enterprisesOf("xilinhot").stream().filter(e -> e.has(EnterpriseClass.ABOVE_SCALE)))
            .hasSizeBetween(3, 30).allMatch(e -> e.status().producing());
        assertThat(sample.enterprisesOf("xilinhot").stream().filter(e -> e.has(EnterpriseClass.KEY_POLLUTER)))
            .isNotEmpty();
    }

    @Test
    void everyFirmMetersElectricityAndWaterAndReportsItsEconomy() {
        Map<String, Long> perFirm = sample.points().stream().filter(p -> !p.isVehicle())
            .filter(p -> p.kind().equals("electricity-meter") || p.kind().equals("economic-report"))
            .collect(Collectors.groupingBy(p -> p.park() + "/" + p.enterprise(), Collectors.counting()));
        assertThat(sample.enterprises()).allMatch(e -> e.id().equals("admin")
            || perFirm.getOrDefault(e.park() + "/" + e.id(), 0L) >= 2);
    }

    @Test
    void theOrdosParksExerciseTheSafetyModule() {
        Map<String, ParkEntry> parks = sample.parks().stream()
            .collect(Collectors.toMap(ParkEntry::id, Function.identity()));
        assertThat(parks).containsKeys("xilinhot", "otog", "sulige", "jungar", "huolingol");
        for (String park : new String[] {"otog", "sulige", "jungar"}) {
            assertThat(sample.enterprisesOf(park)).hasSize(ChemicalParkSample.FIRMS_PER_PARK + 1);
            assertThat(sample.pointsOf(park)).extracting(PointEntry::kind).contains("gate", "env-monitor",
                "external-vehicle", "hazmat-vehicle", "park-vehicle", "non-major-hazard-sensor");
        }
        assertThat(sample.points()).extracting(PointEntry::kind).contains(PointKind.MAJOR_HAZARD_SENSOR.wireName(),
            PointKind.TANK.wireName(), PointKind.GAS_DETECTOR.wireName());
        assertThat(sample.enterprises()).anyMatch(e -> e.has(EnterpriseClass.CHEMICAL));
    }

    @Test
    void theAluminiumSmelterMetersEveryPotline() {
        assertThat(sample.pointsOf("huolingol").stream()
            .filter(p -> p.enterprise().equals("al01") && p.kind().equals("electricity-meter")))
            .hasSize(AluminiumParkSample.POTLINES);
    }

    @Test
    void loggedPointsAndVehiclesCarryTheirDeviceIds() {
        assertThat(sample.points()).filteredOn(p -> p.kind().equals("cems-stack")).allMatch(p -> p.hj212Mn() != null);
        assertThat(sample.vehicles()).isNotEmpty().allMatch(v -> v.jt808Terminal() != null);
    }
}
