package io.parkwatch.contracts.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * What an enterprise is doing on its site, as the park surveys record it (e.g. Xilinhot's mix).
 * Status does not take a firm out of the plan's denominators: an idle firm that must report and
 * does not is exactly what coverage is meant to show.
 */
public enum EnterpriseStatus {
    /** 正常生产. */
    OPERATING,
    /** 转产: producing, another product than registered. */
    SWITCHED_PRODUCT,
    /** 生产并出租部分厂房. */
    PARTLY_RENTED_OUT,
    /** 整体出租: the whole site rented out. */
    RENTED_OUT,
    /** 停产. */
    STOPPED,
    /** 在建. */
    UNDER_CONSTRUCTION,
    /** 未建: land taken, never built. */
    NEVER_BUILT;

    /** Whether a firm in this status produces on its site, and so can be expected to report. */
    public boolean producing() {
        return this == OPERATING || this == SWITCHED_PRODUCT || this == PARTLY_RENTED_OUT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EnterpriseStatus> fromWireName(String name) {
        for (EnterpriseStatus status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
