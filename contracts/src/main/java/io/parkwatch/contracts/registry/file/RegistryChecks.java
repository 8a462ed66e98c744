package io.parkwatch.contracts.registry.file;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.yaml.YamlFields;
import java.util.HashMap;
import java.util.Map;

/**
 * The checks across entries of one file: ids unique, references resolved, HJ 212 MNs, JT/T 808
 * terminals and logins each used once. The reader reads parks, then enterprises, then points, so
 * a reference is always checked against a complete list.
 */
final class RegistryChecks {

    private final RegistryErrors errors;
    private final Map<String, Integer> parks = new HashMap<>();
    private final Map<String, Integer> enterprises = new HashMap<>();
    private final Map<String, Integer> points = new HashMap<>();
    private final Map<String, Integer> mns = new HashMap<>();
    private final Map<String, Integer> terminals = new HashMap<>();
    private final Map<String, Integer> logins = new HashMap<>();

    RegistryChecks(RegistryErrors errors) {
        this.errors = errors;
    }

    ParkEntry park(YamlFields fields, ParkEntry park) {
        once(parks, park.id(), fields, "id", "park '" + park.id() + "'");
        once(logins, park.fleetCredentials(), fields, "fleetCredentials", "login '" + park.fleetCredentials() + "'");
        return park;
    }

    EnterpriseEntry enterprise(YamlFields fields, EnterpriseEntry enterprise) {
        parkExists(fields, enterprise.park());
        once(enterprises, RegistryKeys.enterpriseId(enterprise.park(), enterprise.id()), fields, "id",
            "enterprise '" + enterprise.id() + "' of park '" + enterprise.park() + "'");
        once(logins, enterprise.credentials(), fields, "credentials", "login '" + enterprise.credentials() + "'");
        return enterprise;
    }

    PointEntry point(YamlFields fields, PointEntry point) {
        if (parkExists(fields, point.park()) && !point.isVehicle()
                && !enterprises.containsKey(RegistryKeys.enterpriseId(point.park(), point.enterprise()))) {
            errors.add(fields.nodeOf("enterprise"), fields.field("enterprise"),
                "no enterprise '" + point.enterprise() + "' in park '" + point.park() + "'");
        }
        String what = point.isVehicle() ? "vehicle '" + point.id() + "' of park '" + point.park() + "'"
            : "point '" + point.id() + "' of enterprise '" + point.enterprise() + "'";
        once(points, point.pointKey(), fields, "id", what);
        if (point.hj212Mn() != null) {
            once(mns, point.hj212Mn(), fields, "mn", "HJ 212 MN '" + point.hj212Mn() + "'");
        }
        if (point.jt808Terminal() != null) {
            once(terminals, point.jt808Terminal(), fields, "terminal",
                "JT/T 808 terminal '" + point.jt808Terminal() + "'");
        }
        return point;
    }

    private boolean parkExists(YamlFields fields, String park) {
        if (parks.containsKey(park)) {
            return true;
        }
        errors.add(fields.nodeOf("park"), fields.field("park"), "no park '" + park + "' under parks");
        return false;
    }

    private void once(Map<String, Integer> seen, String key, YamlFields fields, String field, String what) {
        Integer first = seen.putIfAbsent(key, fields.line());
        if (first != null) {
            errors.add(fields.nodeOf(field), fields.field(field), what + " is already defined at line " + first);
        }
    }
}
