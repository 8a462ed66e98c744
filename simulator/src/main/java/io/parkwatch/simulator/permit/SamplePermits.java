package io.parkwatch.simulator.permit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emission permits for plants of the sample registry (default seed): the Huolingol power plant
 * and aluminium smelter, the Otog cement plant and the Sulige olefins plant, with the limits of
 * the national standards that apply to them. The files sit beside this class with each limit's
 * source beside it; docs/standards/permit-limits.md lists the sources.
 */
public final class SamplePermits {

    /** The files, named {@code park-enterprise.yaml}. */
    public static final List<String> FILES =
        List.of("huolingol-pw01.yaml", "huolingol-al01.yaml", "otog-c05.yaml", "sulige-c10.yaml");

    private SamplePermits() {
    }

    /** Every sample permit's text, by file name, in the order of {@link #FILES}. */
    public static Map<String, String> all() {
        Map<String, String> permits = new LinkedHashMap<>();
        for (String file : FILES) {
            permits.put(file, text(file));
        }
        return permits;
    }

    public static String text(String file) {
        try (InputStream in = SamplePermits.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("sample permit " + file + " is missing from the simulator jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample permit " + file, e);
        }
    }
}
