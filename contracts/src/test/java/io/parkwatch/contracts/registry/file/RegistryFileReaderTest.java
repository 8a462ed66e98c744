package io.parkwatch.contracts.registry.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryFileReaderTest {

    static final String VALID = """
        version: 1
        parks:
          - id: ordos
            name: 鄂尔多斯苏里格经济开发区
            timeZone: Asia/Shanghai
        enterprises:
          - park: ordos
            id: m01
            name: 内蒙古XX甲醇有限公司
            status: operating
            classes: [above-scale, key-energy-user, chemical]
          - {park: ordos, id: m02, status: rented-out, credentials: ordos.m02-logger}
        points:
          - park: ordos
            enterprise: m01
            id: elec-01
            kind: electricity-meter
            interval: 15s
          - {park: ordos, enterprise: m01, id: stack-01, kind: cems-stack, interval: 1m, mn: "88888880000001"}
          - {park: ordos, enterprise: m01, id: tank-01, kind: tank, module: safety, interval: 30s, required: false}
        vehicles:
          - {park: ordos, id: v-13, kind: hazmat-vehicle, interval: 30s, terminal: "011223344550"}
        """;

    private static List<String> errorsOf(String yaml) {
        try {
            RegistryFileReader.read("registry.yaml", yaml);
        } catch (InvalidRegistryException e) {
            return e.errors();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void aLocationOutOfRangeOrMalformedIsNamed() {
        assertThat(errorsOf(VALID.replace("credentials: ordos.m02-logger}",
            "credentials: ordos.m02-logger, location: [95, 106.9]}")))
            .singleElement().asString().contains("enterprises[1].location").contains("±90");
        assertThat(errorsOf(VALID.replace("credentials: ordos.m02-logger}",
            "credentials: ordos.m02-logger, location: [39.4]}")))
            .singleElement().asString().contains("expected [latitude, longitude]");
    }

    @Test
    void readsParksEnterprisesPointsAndVehicles() {
        Registry registry = RegistryFileReader.read("registry.yaml", VALID);

        assertThat(registry.parks()).singleElement().satisfies(park -> {
            assertThat(park.name()).isEqualTo("鄂尔多斯苏里格经济开发区");
            assertThat(park.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(park.fleetCredentials()).isEqualTo("ordos.vehicles");
        });
        assertThat(registry.enterprises()).containsExactly(
            new EnterpriseEntry("ordos", "m01", "内蒙古XX甲醇有限公司", Set.of(EnterpriseClass.ABOVE_SCALE,
                EnterpriseClass.KEY_ENERGY_USER, EnterpriseClass.CHEMICAL), EnterpriseStatus.OPERATING, null),
            new EnterpriseEntry("ordos", "m02", null, Set.of(), EnterpriseStatus.RENTED_OUT, "ordos.m02-logger"));
        assertThat(registry.points()).containsExactly(
            new PointEntry("ordos", "m01", "elec-01", Module.ENERGY, "electricity-meter", Duration.ofSeconds(15),
                null, null, true),
            new PointEntry("ordos", "m01", "stack-01", Module.ENVIRONMENT, "cems-stack", Duration.ofMinutes(1),
                "88888880000001", null, true),
            new PointEntry("ordos", "m01", "tank-01", Module.SAFETY, "tank", Duration.ofSeconds(30), null, null, false),
            new PointEntry("ordos", PointEntry.FLEET, "v-13", Module.LOGISTICS, "hazmat-vehicle",
                Duration.ofSeconds(30), null, "011223344550", true));
        assertThat(registry.records()).hasSize(7);
    }

    @Test
    void aBadIntervalNamesFileLineAndField() {
        String yaml = VALID.replace("kind: tank, module: safety, interval: 30s", "kind: tank, interval: 5x");
        assertThat(errorsOf(yaml)).containsExactly("registry.yaml:20: points[2].interval: '5x' is not a duration: "
            + "unknown unit 'x' (units are ms, s, m, h, d or w, or ISO-8601 like PT30S)");
    }

    @Test
    void aZeroIntervalIsRefused() {
        assertThat(errorsOf(VALID.replace("interval: 15s", "interval: 0s")))
            .containsExactly("registry.yaml:18: points[0].interval: must be positive, got '0s'");
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThat(errorsOf(VALID.replace("interval: 15s", "interval: -PT15S")))
            .containsExactly("registry.yaml:18: points[0].interval: must be positive, got '-PT15S'");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThat(errorsOf(VALID.replace("    kind: electricity-meter\n", "")))
            .containsExactly("registry.yaml:14: points[0].kind: is required");
    }

    @Test
    void aDuplicateIdNamesTheFirstDefinition() {
        assertThat(errorsOf(VALID.replace("id: m02", "id: m01"))).containsExactly(
            "registry.yaml:12: enterprises[1].id: enterprise 'm01' of park 'ordos' is already defined at line 7");
    }

    @Test
    void aPointOfAnUnknownEnterpriseOrParkIsRefused() {
        assertThat(errorsOf(VALID.replace("enterprise: m01, id: stack-01", "enterprise: m99, id: stack-01")))
            .containsExactly("registry.yaml:19: points[1].enterprise: no enterprise 'm99' in park 'ordos'");
        assertThat(errorsOf(VALID.replace("{park: ordos, id: v-13", "{park: tongliao, id: v-13")))
            .containsExactly("registry.yaml:22: vehicles[0].park: no park 'tongliao' under parks");
    }

    @Test
    void unknownKindsClassesModulesAndStatusesListTheKnownOnes() {
        List<String> errors = errorsOf(VALID.replace("kind: electricity-meter", "kind: steam-meter")
            .replace("key-energy-user,", "key-energy-users,").replace("module: safety", "module: fire")
            .replace("status: rented-out", "status: idle"));
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("registry.yaml:11: enterprises[0].classes[1]: unknown enterprise class "
            + "'key-energy-users' (known: above-scale, key-energy-user,");
        assertThat(errors.get(1)).startsWith("registry.yaml:12: enterprises[1].status: unknown enterprise status "
            + "'idle' (known: operating,");
        assertThat(errors.get(2)).startsWith("registry.yaml:17: points[0].kind: unknown kind 'steam-meter' (known: "
            + "electricity-meter, water-meter,");
        assertThat(errors.get(3)).startsWith("registry.yaml:20: points[2].module: unknown module 'fire'");
    }

    @Test
    void mnAndTerminalAreUsedOnce() {
        String yaml = VALID.replace("kind: tank, module: safety, interval: 30s,",
                "kind: cems-stack, interval: 30s, mn: \"88888880000001\",")
            + "  - {park: ordos, id: v-14, kind: park-vehicle, interval: 30s, terminal: \"011223344550\"}\n";
        assertThat(errorsOf(yaml)).containsExactly(
            "registry.yaml:20: points[2].mn: HJ 212 MN '88888880000001' is already defined at line 19",
            "registry.yaml:23: vehicles[1].terminal: JT/T 808 terminal '011223344550' is already defined at line 22");
    }

    @Test
    void vehiclesAndPointsKeepToTheirSections() {
        assertThat(errorsOf(VALID.replace("kind: hazmat-vehicle", "kind: gate"))).containsExactly(
            "registry.yaml:22: vehicles[0].kind: 'gate' is not a vehicle kind "
                + "(park-vehicle, external-vehicle, hazmat-vehicle)");
        assertThat(errorsOf(VALID.replace("kind: electricity-meter", "kind: park-vehicle"))).containsExactly(
            "registry.yaml:17: points[0].kind: 'park-vehicle' is a vehicle kind: list it under vehicles");
    }

    @Test
    void unknownFieldsBadIdsAndSharedLoginsAreRefused() {
        List<String> errors = errorsOf(VALID.replace("timeZone: Asia/Shanghai", "timezone: Asia/Shanghai")
            .replace("id: v-13", "id: v/13").replace("credentials: ordos.m02-logger", "credentials: ordos.vehicles"));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).isEqualTo("registry.yaml:5: parks[0].timezone: unknown field "
            + "(known: fleetCredentials, id, name, timeZone)");
        assertThat(errors.get(1)).isEqualTo("registry.yaml:12: enterprises[1].credentials: login 'ordos.vehicles' "
            + "is already defined at line 3");
        assertThat(errors.get(2)).isEqualTo("registry.yaml:22: vehicles[0].id: 'v/13' is not an id "
            + "(letters, digits, '_' and '-', at most 64, no dots)");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThat(errorsOf("parks:\n  - id: [unclosed\n")).singleElement().asString()
            .startsWith("registry.yaml:3: not YAML:");
        assertThat(errorsOf("")).containsExactly(
            "registry.yaml:1: the file is empty; expected parks, enterprises, points, vehicles");
    }

    @Test
    void theExceptionMessageListsEveryError() {
        assertThatThrownBy(() -> RegistryFileReader.read("registry.yaml", VALID.replace("15s", "x")
                .replace("1m", "y")))
            .isInstanceOf(InvalidRegistryException.class)
            .hasMessageContaining("(2 errors)")
            .hasMessageContaining("points[0].interval").hasMessageContaining("points[1].interval");
    }
}
