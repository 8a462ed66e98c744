package io.parkwatch.ingest.directory;

import io.parkwatch.contracts.registry.PointEntry;
import java.util.List;
import java.util.Optional;

/** Where the gateway checks that a sender and its point exist. Backed by the registry. */
public interface PointDirectory {

    boolean knowsPark(String park);

    boolean knowsEnterprise(String park, String enterprise);

    Optional<PointEntry> point(String park, String enterprise, String point);

    /** The point an HJ 212 data logger reports for, by its device id (MN), in any enterprise of the park. */
    Optional<PointEntry> pointByMn(String park, String mn);

    /**
     * The points whose MN this is, in every park: an HJ 212 logger on TCP names only its MN. More
     * than one means the MN is registered in several parks.
     */
    List<PointEntry> pointsByMn(String mn);

    /** A vehicle is a point of the park's logistics module whose id is the vehicle id. */
    Optional<PointEntry> vehicle(String park, String vehicle);

    /** The vehicle whose JT/T 808 terminal number this is, in any park (terminals are unique in the registry). */
    Optional<PointEntry> vehicleByTerminal(String terminal);
}
