package io.parkwatch.contracts.registry;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A park: its name, the time zone its days (daily completeness, reports) are counted in
 * ({@link ParkZones#DEFAULT} when not given), and the login of its vehicle platform.
 *
 * @param fleetCredentials the login name of the park's vehicle platform in the credentials
 *                         file (never a secret); default {@code {park}.vehicles}
 */
public record ParkEntry(String id, String name, ZoneId timeZone, String fleetCredentials) {

    public ParkEntry {
        Objects.requireNonNull(id, "id is required");
        name = name == null ? id : name;
        timeZone = timeZone == null ? ParkZones.DEFAULT : timeZone;
        fleetCredentials = fleetCredentials == null ? id + "." + PointEntry.FLEET : fleetCredentials;
    }

    public ParkEntry(String id, String name) {
        this(id, name, null, null);
    }
}
