package io.parkwatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.truth.CoverageByDesign;
import io.parkwatch.simulator.truth.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private static final Instant START = Instant.parse("2026-11-23T02:00:00Z");
    private static final Registry REGISTRY = SampleRegistry.generate(2025);

    private static Scenario scenario(long seed, String faults, double speedUp, String... parks) {
        List<String> chosen = parks.length == 0 ? REGISTRY.parks().stream().map(p -> p.id()).toList()
            : List.of(parks);
        return Scenario.of(REGISTRY, chosen.stream().map(p -> SampleParks.of(REGISTRY, p, 40, 2025)).toList(),
            new ScenarioSettings(seed, START, speedUp, FaultSpec.parse(faults)));
    }

    private static List<Outgoing> drain(Scenario scenario, Duration span) {
        List<Outgoing> out = new ArrayList<>();
        Optional<Outgoing> next;
        while ((next = scenario.next(START.plus(span))).isPresent()) {
            out.add(next.get());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSamePayloadsInTheSameOrder() {
        String faults = "silent=0.05,skew=0.05,malformed=0.02,bad-crc=0.02,duplicate=0.02,late=0.02,leak=0.01";
        List<Outgoing> one = drain(scenario(7, faults, 1), Duration.ofMinutes(5));
        List<Outgoing> two = drain(scenario(7, faults, 1), Duration.ofMinutes(5));
        List<Outgoing> other = drain(scenario(8, faults, 1), Duration.ofMinutes(5));
        assertThat(one).hasSizeGreaterThan(1000);
        assertThat(two).hasSameSizeAs(one);
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).topic()).isEqualTo(one.get(i).topic());
            assertThat(two.get(i).payload()).isEqualTo(one.get(i).payload());
        }
        assertThat(Arrays.equals(other.get(10).payload(), one.get(10).payload())
            && other.size() == one.size()).isFalse();
    }

    @Test
    void playsEveryFormatOfEveryPark() {
        List<Outgoing> sent = drain(scenario(1, "none", 1), Duration.ofMinutes(3));
        assertThat(sent).extracting(o -> o.report().format()).contains(SourceFormat.JSON, SourceFormat.HJ212,
            SourceFormat.JT808);
        assertThat(sent).extracting(o -> o.report().point().park()).contains("xilinhot", "otog", "sulige", "jungar",
            "huolingol");
        assertThat(sent).filteredOn(o -> o.report().format() == SourceFormat.HJ212)
            .extracting(o -> new String(o.payload()).split(";")[2]).contains("CN=2011", "CN=2051");
        assertThat(sent).filteredOn(o -> o.report().format() == SourceFormat.JT808)
            .allMatch(o -> o.topic().matches("parks/[a-z]+/vehicles/[a-z0-9-]+/jt808") && o.login().endsWith(".vehicles"));
        assertThat(sent).allMatch(o -> o.expectedReject().isEmpty() && o.fault().isEmpty());
    }

    @Test
    void messageFaultsComeAtTheirRatiosWithinTolerance() {
        Scenario scenario = scenario(3, "malformed=0.05,duplicate=0.04,bad-crc=0.1,out-of-order=0.03", 10, "otog",
            "sulige", "huolingol");
        List<Outgoing> sent = drain(scenario, Duration.ofMinutes(10));
        long faultable = sent.stream().filter(o -> o.report().faultable()).count();
        long binary = sent.stream().filter(o -> o.report().faultable() && o.report().format() != SourceFormat.JSON)
            .count();
        assertThat(faultable).isGreaterThan(20_000);
        Map<String, Long> counts = scenario.truth().faultCounts();
        assertThat(counts.get("malformed") / (double) faultable).isCloseTo(0.05, within(0.01));
        assertThat(counts.get("duplicate") / (double) faultable).isCloseTo(0.04, within(0.01));
        assertThat(counts.get("out-of-order") / (double) faultable).isCloseTo(0.03, within(0.01));
        assertThat(counts.get("bad-crc") / (double) binary).isCloseTo(0.1, within(0.03));
    }

    @Test
    void theTruthCountsWhatWasSent() {
        Scenario scenario = scenario(5, "silent=0.1,malformed=0.03,bad-crc=0.05,leak=0.02,coverage-loss=0.05", 5);
        List<Outgoing> sent = drain(scenario, Duration.ofMinutes(5));
        GroundTruth truth = scenario.truth().snapshot(START.plus(Duration.ofMinutes(5)), 0, 0);
        assertThat(truth.counts().sent()).isEqualTo(sent.size());
        long rejects = sent.stream().filter(o -> o.expectedReject().isPresent()).count();
        assertThat(truth.expectedRejects().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(rejects);
        assertThat(truth.expectedRejects()).containsKeys("MALFORMED_JSON", "HJ212_BAD_CRC", "JT808_BAD_CHECK_CODE");
        Set<String> silent = new HashSet<>();
        truth.silentPoints().forEach(p -> silent.add(p.pointKey()));
        assertThat(truth.silentPoints()).anyMatch(p -> p.reason().equals("fault-silent"))
            .anyMatch(p -> p.reason().startsWith("enterprise-"));
        assertThat(sent).noneMatch(o -> silent.contains(o.report().point().pointKey()));
        assertThat(truth.expectedAlerts()).isNotEmpty().allMatch(a -> a.alert().rule().equals("combustible-gas"));
        assertThat(sent).anyMatch(o -> o.fault().equals(Optional.of(FaultKind.COVERAGE_LOSS))
            && o.payload()[1] == 0x07 && o.payload()[2] == 0x04);
        for (CoverageByDesign row : truth.coverage()) {
            assertThat(row.live()).isBetween(0, row.required());
        }
        assertThat(truth.coverage()).filteredOn(r -> r.park().equals("xilinhot")
            && r.entityClass().equals("non-key-meters")).singleElement()
            .satisfies(r -> assertThat(r.live()).isLessThan(r.required() / 2));
    }

    @Test
    void aStackInAnExceedanceHourRunsOverTheLimitAtTheReferenceOxygen() {
        Scenario scenario = scenario(11, "exceedance=1", 10, "huolingol");
        List<Outgoing> sent = drain(scenario, Duration.ofMinutes(2));
        List<Outgoing> realTime = sent.stream().filter(o -> new String(o.payload()).contains("CN=2011")
            && o.report().point().kind().equals("cems-stack")).toList();
        assertThat(realTime).isNotEmpty().allMatch(o -> o.report().alert().isPresent());
        double so2 = realTime.stream().mapToDouble(o -> factor(new String(o.payload()), "a21026-Rtd")).average()
            .orElseThrow();
        double o2 = realTime.stream().mapToDouble(o -> factor(new String(o.payload()), "a19001-Rtd")).average()
            .orElseThrow();
        assertThat(so2 * (21 - 6) / (21 - o2)).isGreaterThan(35);
        assertThat(scenario.truth().snapshot(START.plus(Duration.ofHours(2)), 0, 0).expectedAlerts())
            .allMatch(a -> a.alert().rule().equals("so2-hourly-ultra-low") && a.complete());
    }

    private static double factor(String packet, String field) {
        int at = packet.indexOf(field + "=") + field.length() + 1;
        int end = packet.indexOf(',', at);
        return Double.parseDouble(packet.substring(at, end));
    }
}
