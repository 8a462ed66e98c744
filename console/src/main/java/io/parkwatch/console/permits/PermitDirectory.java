package io.parkwatch.console.permits;

import io.parkwatch.contracts.permit.Outlet;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.PermitRecord;
import io.parkwatch.contracts.permit.PollutantLimit;
import io.parkwatch.contracts.permit.file.PermitFileReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emission permits in force, from the compacted permits topic ({@code park/enterprise} →
 * {@link PermitRecord}; a tombstone withdraws the permit). Each record's file is parsed again
 * here, without the registry (its publisher checked it against the registry). A record whose file
 * cannot be read throws: the feed rejects it as unreadable and the previous permit stays.
 */
public final class PermitDirectory {

    /** A point of a permitted outlet: the permit, and the outlet the point measures. */
    public record PermittedPoint(Permit permit, Outlet outlet) {

        /** The outlet's limit of {@code pollutant} (an HJ 212 factor code), when the permit sets one. */
        public Optional<PollutantLimit> limit(String pollutant) {
            return outlet.limits().stream().filter(limit -> limit.pollutant().equals(pollutant)).findFirst();
        }
    }

    private final Map<String, Permit> permits = new TreeMap<>();

    /** Applies one record of the permits topic under its key; null withdraws the permit. */
    public void apply(String key, PermitRecord record) {
        if (record == null) {
            synchronized (this) {
                permits.remove(key);
            }
            return;
        }
        Permit permit = PermitFileReader.read(record.source(), record.yaml());
        if (!permit.key().equals(key)) {
            throw new IllegalArgumentException("permit " + permit.number() + " is for " + permit.key()
                + " but was published under key " + key);
        }
        synchronized (this) {
            permits.put(key, permit);
        }
    }

    public synchronized Optional<Permit> permit(String park, String enterprise) {
        return Optional.ofNullable(permits.get(Permit.keyOf(park, enterprise)));
    }

    public synchronized List<Permit> all() {
        return List.copyOf(permits.values());
    }

    /** The permitted outlet a point measures, empty when no permit names the point. */
    public Optional<PermittedPoint> at(String park, String enterprise, String point) {
        return permit(park, enterprise).flatMap(permit -> permit.outlets().stream()
            .filter(outlet -> outlet.points().contains(point)).findFirst()
            .map(outlet -> new PermittedPoint(permit, outlet)));
    }
}
