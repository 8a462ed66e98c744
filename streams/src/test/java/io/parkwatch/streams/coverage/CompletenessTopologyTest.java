package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletenessTopologyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final Instant START = DAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();

    @TempDir
    Path stateDir;

    private CoverageHarness park;

    @AfterEach
    void stop() {
        park.close();
    }

    @Test
    void aDayWithKnownGapsIsReportedPerPointEnterpriseAndParkAfterMidnight() {
        park = new CoverageHarness(CoverageConfig.defaults(), stateDir, START);
        park.enterprise("e1", EnterpriseClass.KEY_ENERGY_USER, EnterpriseClass.KEY_POLLUTER);
        park.point("e1", "elec", Module.ENERGY, "electricity-meter", Duration.ofHours(1));
        park.point("e1", "stack", Module.ENVIRONMENT, "cems-stack", Duration.ofMinutes(10));
        for (int hour = 0; hour < 24; hour++) {
            if (hour < 5 || hour > 7) {
                park.reading("e1", "elec", Quality.N, START.plus(Duration.ofHours(hour)));
            }
        }
        for (int slot = 0; slot < 144; slot++) {
            int hour = slot / 6;
            int inHour = slot % 6;
            boolean flagged = hour == 2 && inHour >= 4;
            if (!(hour == 3 && inHour >= 4)) {
                park.reading("e1", "stack", flagged ? Quality.D : Quality.N, START.plus(Duration.ofMinutes(10L * slot)));
            }
        }
        park.advance(Duration.ofDays(1).plusMinutes(10));
        park.advance(Duration.ofMinutes(5));

        CompletenessRow elec = park.completeness("p/e1/elec|2026-11-23");
        assertThat(elec.expected()).isEqualTo(24);
        assertThat(elec.received()).isEqualTo(21);
        assertThat(elec.compliant()).isFalse();
        CompletenessRow stack = park.completeness("p/e1/stack|2026-11-23");
        assertThat(stack.received()).isEqualTo(142);
        assertThat(stack.validHours()).isEqualTo(22);
        assertThat(stack.ratedHours()).isEqualTo(24);
        CompletenessRow enterprise = park.completeness("p/e1|2026-11-23");
        assertThat(enterprise.expected()).isEqualTo(24 + 144);
        assertThat(enterprise.received()).isEqualTo(21 + 142);
        assertThat(enterprise.compliantPoints()).isEqualTo(1);
        assertThat(park.completeness("p|2026-11-23").points()).isEqualTo(2);
        CompletenessRow today = park.completeness("p/e1/elec|2026-11-24");
        assertThat(today.expected()).as("00:15 on the next day: nothing has ended yet").isZero();
    }

    @Test
    void theDayFollowsTheTimeZoneOfTheParkRegistryEntry() {
        Instant utcEvening = Instant.parse("2026-11-23T20:00:00Z");
        park = new CoverageHarness(CoverageConfig.defaults(), stateDir, utcEvening);
        park.rawRegistry("park:p", "{\"park\":{\"id\":\"p\",\"name\":\"P\",\"timeZone\":\"UTC\"}}");
        park.enterprise("e1");
        park.point("e1", "elec", Module.ENERGY, "electricity-meter", Duration.ofHours(1));
        park.reading("e1", "elec", Quality.N, utcEvening.minusSeconds(1800));
        park.advance(Duration.ofMinutes(5));
        park.advance(Duration.ofMinutes(5));
        // 19:30 UTC is already 24 November in Shanghai; the park's own zone keeps it on the 23rd.
        CompletenessRow row = park.completeness("p/e1/elec|2026-11-23");
        assertThat(row.received()).isEqualTo(1);
        assertThat(row.expected()).isEqualTo(20);
        assertThat(row.dayStart()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }
}
