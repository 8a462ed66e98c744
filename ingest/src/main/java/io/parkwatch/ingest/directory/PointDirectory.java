package io.parkwatch.ingest.directory;

import io.parkwatch.contracts.registry.PointEntry;
import java.util.Optional;

/** Where the gateway checks that a sender and its point exist. Backed by the registry. */
public interface PointDirectory {

    boolean knowsPark(String park);

    boolean knowsEnterprise(String park, String enterprise);

    Optional<PointEntry> point(String park, String enterprise, String point);
}
