package io.parkwatch.console.permits;

import io.parkwatch.contracts.permit.PermitRecord;
import java.time.Instant;

/** A permit of otog/c05 for the console's tests: a kiln stack at 10 % O₂, an outlet of two points, a daily limit. */
final class PermitFixture {

    static final String NUMBER = "91150624XXXXXXXXX5001P";

    static final String YAML = """
        version: 1
        permit: 91150624XXXXXXXXX5001P
        park: otog
        enterprise: c05
        outlets:
          - id: DA001
            medium: air
            points: [stack-01]
            pollutants:
              - pollutant: a21026
                limit: 200
                unit: mg/m3
                oxygen: 10
                period: hour
                annualTonnes: 400
          - id: DA002
            medium: air
            points: [stack-02, stack-03]
            pollutants:
              - pollutant: a34013
                limit: 20000
                unit: ug/m3
                period: day
                annualTonnes: 2
        """;

    private PermitFixture() {
    }

    static PermitRecord record() {
        return record(YAML);
    }

    static PermitRecord record(String yaml) {
        return new PermitRecord("otog", "c05", NUMBER, yaml, "otog-c05.yaml", Instant.parse("2026-01-01T00:00:00Z"));
    }
}
