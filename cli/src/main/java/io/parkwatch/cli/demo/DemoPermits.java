package io.parkwatch.cli.demo;

import io.parkwatch.alerts.permit.PermitRules;
import io.parkwatch.cli.runtime.PermitPublisher;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.PermitRecord;
import io.parkwatch.contracts.permit.file.InvalidPermitException;
import io.parkwatch.contracts.permit.file.PermitFileReader;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.simulator.permit.SamplePermits;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample permits the demo loads at start, as {@code parkwatch permits load --sample} would:
 * those whose enterprise the demo's registry has (another seed's registry may lack a plant, or give
 * it other points), each checked against that registry; a permit that does not fit is left out
 * and said so in the log, never half loaded.
 */
final class DemoPermits {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPermits.class);

    private DemoPermits() {
    }

    /** The permits to publish, with their compiled packs. */
    static List<PermitPublisher.Entry> fitting(Registry registry, Instant now) {
        List<PermitPublisher.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> file : SamplePermits.all().entrySet()) {
            Permit unchecked = PermitFileReader.read(file.getKey(), file.getValue());
            boolean registered = registry.enterprises().stream().anyMatch(e -> e.park().equals(unchecked.park())
                && e.id().equals(unchecked.enterprise()));
            if (!registered) {
                continue;
            }
            Permit permit;
            try {
                permit = PermitFileReader.read(file.getKey(), file.getValue(), FactorCatalog.hj212(), registry);
            } catch (InvalidPermitException e) {
                LOG.warn("sample permit {} left out: it does not fit the demo's registry: {}", file.getKey(),
                    String.join("; ", e.errors()));
                continue;
            }
            ZoneId zone = registry.parks().stream().filter(p -> p.id().equals(permit.park())).findFirst()
                .map(ParkZones::of).orElse(ParkZones.DEFAULT);
            String pack = PermitRules.packName(permit);
            entries.add(new PermitPublisher.Entry(permit.key(), new PermitRecord(permit.park(), permit.enterprise(),
                permit.number(), file.getValue(), file.getKey(), now), pack,
                new RulePackRecord(pack, PermitRules.packYaml(permit, zone), file.getKey(), now)));
        }
        return entries;
    }
}
