package io.parkwatch.contracts.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a point is, and so which row of the plan's coverage table it counts toward. The wire
 * name (e.g. {@code electricity-meter}) is what {@link PointEntry#kind()} and the registry file
 * hold; {@link #module()} is the module a point of this kind belongs to unless the file says
 * otherwise.
 */
public enum PointKind {
    /** Plant-level meter of one of the five energy types (煤水油气电): key energy users 100 %, others ≥ 20 %. */
    ELECTRICITY_METER(Module.ENERGY, "energy: plant-level metering points of the five energy types"),
    WATER_METER(Module.ENERGY, "energy: plant-level metering points of the five energy types"),
    GAS_METER(Module.ENERGY, "energy: plant-level metering points of the five energy types"),
    OIL_METER(Module.ENERGY, "energy: plant-level metering points of the five energy types"),
    COAL_METER(Module.ENERGY, "energy: plant-level metering points of the five energy types"),
    /** Flue-gas CEMS of a stack: the key-polluter enterprises (all) and the monitoring points (≥ 20 %). */
    CEMS_STACK(Module.ENVIRONMENT, "environment: key polluters (enterprise), monitoring points"),
    /** Waste-water or ambient monitoring station: the monitoring points (≥ 20 %). */
    ENV_MONITOR(Module.ENVIRONMENT, "environment: monitoring points"),
    /** Combustible/toxic gas detector: enterprise-level safety (key emergency-supervised 100 %, others ≥ 20 %). */
    GAS_DETECTOR(Module.SAFETY, "safety: enterprise-level (key emergency-supervised, other)"),
    /** Storage-tank level/pressure/temperature: enterprise-level safety. */
    TANK(Module.SAFETY, "safety: enterprise-level (key emergency-supervised, other)"),
    /** A monitoring data stream of a major hazard source (重大危险源): ≥ 20 % of streams. */
    MAJOR_HAZARD_SENSOR(Module.SAFETY, "safety: major hazard source data streams"),
    /** A monitoring data stream of a non-major hazard source: ≥ 20 % of streams. */
    NON_MAJOR_HAZARD_SENSOR(Module.SAFETY, "safety: non-major hazard source data streams"),
    /** Park-owned vehicle with a BeiDou/GPS terminal: 100 % positions in real time. */
    PARK_VEHICLE(Module.LOGISTICS, "vehicles: park-owned, 100 % real-time positions"),
    /** External vehicle supervised in key areas: 100 %. */
    EXTERNAL_VEHICLE(Module.LOGISTICS, "vehicles: external, key-area entry supervision"),
    /** Hazardous-chemical vehicle with an in-vehicle terminal. */
    HAZMAT_VEHICLE(Module.LOGISTICS, "vehicles: hazardous chemicals, key stages supervised"),
    /** Entry/exit gate registering vehicles (the park operator's point). */
    GATE(Module.LOGISTICS, "logistics: entry/exit registration"),
    /** An enterprise's economic figures (output, revenue): above-scale 100 %, others ≥ 20 %; not real-time. */
    ECONOMIC_REPORT(Module.ECONOMIC, "economic: enterprises reporting (above-scale, other)");

    private static final Map<String, PointKind> BY_NAME = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(PointKind::wireName, Function.identity()));

    private final Module module;
    private final String planRow;

    PointKind(Module module, String planRow) {
        this.module = module;
        this.planRow = planRow;
    }

    /** The name in registry files and in {@link PointEntry#kind()}: lower case, words joined by '-'. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Module module() {
        return module;
    }

    /** Which row of the plan's coverage table this kind counts toward, in words (for documentation). */
    public String planRow() {
        return planRow;
    }

    /** A vehicle terminal: registered under the park's fleet, reports JT/T 808. */
    public boolean isVehicle() {
        return this == PARK_VEHICLE || this == EXTERNAL_VEHICLE || this == HAZMAT_VEHICLE;
    }

    /** A plant-level meter of the five energy types the plan counts (coal, water, oil, gas, electricity). */
    public boolean isEnergyMeter() {
        return module == Module.ENERGY;
    }

    public static Optional<PointKind> fromWireName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }
}
