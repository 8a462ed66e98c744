package io.parkwatch.bench.pipeline;

import io.parkwatch.bench.BrokerKind;
import io.parkwatch.contracts.duration.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@code parkwatch bench} runs, checked before anything starts.
 *
 * @param rates              readings/s asked of each step, ascending
 * @param step               how long each step sends
 * @param warmUp             sending at the first rate before the first step, not reported (ignored when
 *                           {@code steadyWarmUp})
 * @param steadyWarmUp       warm up in rounds until the pipeline is steady ({@link SteadyWarmUp})
 * @param drain              how long after a step's sending its readings may take to land
 * @param enterprises        publishing enterprises (each a JSON and an HJ 212 client)
 * @param readingsPerMessage readings per JSON array and factors per HJ 212 packet
 * @param baselineMessages   messages of each baseline phase; 0 skips the baselines
 * @param keepGoing          run the higher steps even after one fell behind or lost readings
 * @param bridge             after the steps, run them again through the MQTT → InfluxDB bridge baseline
 */
public record PipelineSettings(List<Integer> rates, Duration step, Duration warmUp, boolean steadyWarmUp, Duration drain,
                               BrokerKind broker, int enterprises,
                               int readingsPerMessage, long baselineMessages, Path out, boolean keepGoing,
                               boolean bridge) {

    public PipelineSettings {
        rates = List.copyOf(rates);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("--rates needs at least one rate");
        }
        for (int i = 0; i < rates.size(); i++) {
            if (rates.get(i) < 10 || rates.get(i) > 1_000_000) {
                throw new IllegalArgumentException("--rates: each rate must be 10..1000000 readings/s, got " + rates.get(i));
            }
            if (i > 0 && rates.get(i) <= rates.get(i - 1)) {
                throw new IllegalArgumentException("--rates must rise: " + rates);
            }
        }
        if (step.compareTo(Duration.ofSeconds(3)) < 0 || step.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("--step must be 3s..1h, got " + step);
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("--warm-up must not be negative, got " + warmUp);
        }
        if (drain.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--drain must be at least 1s, got " + drain);
        }
        if (enterprises < 1 || enterprises > 64) {
            throw new IllegalArgumentException("--enterprises must be 1..64, got " + enterprises);
        }
        if (readingsPerMessage < 1 || readingsPerMessage > JsonSource.MAX_READINGS) {
            throw new IllegalArgumentException("--readings-per-message must be 1.." + JsonSource.MAX_READINGS + ", got "
                + readingsPerMessage);
        }
        if (baselineMessages < 0) {
            throw new IllegalArgumentException("--baseline-messages must not be negative, got " + baselineMessages);
        }
    }

    int peakRate() {
        return rates.get(rates.size() - 1);
    }

    /** A duration option in the shared grammar of {@link Durations}; an error names {@code flag}. */
    public static Duration duration(String text, String flag) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }
}
