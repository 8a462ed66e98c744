package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;

/**
 * The point a data-gap event is about. A point already removed from the registry is known only by
 * its key, so its park and enterprise come from the key and its module is unknown ({@code null}).
 */
record GapSubject(String pointKey, String park, String enterprise, Module module) {

    static GapSubject of(PointEntry point) {
        return new GapSubject(point.pointKey(), point.park(), point.enterprise(), point.module());
    }

    /** For a key whose registry entry is gone: {@code park/enterprise/point}. */
    static GapSubject ofKey(String pointKey) {
        return new GapSubject(pointKey, PointKey.parkOf(pointKey), PointKey.enterpriseOf(pointKey), null);
    }
}
