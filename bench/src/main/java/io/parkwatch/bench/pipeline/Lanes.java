package io.parkwatch.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The publishers of a run, by format: a JSON and an HJ 212 client per enterprise and the fleet's
 * clients. The pipeline's steps and the bridge's each have their own, built alike.
 */
record Lanes(List<Lane> json, List<Lane> hj212, List<Lane> jt808) implements AutoCloseable {

    Lanes {
        json = List.copyOf(json);
        hj212 = List.copyOf(hj212);
        jt808 = List.copyOf(jt808);
    }

    /** Connects every lane of the load; client ids start with {@code prefix}. */
    static Lanes connect(String mqtt, FieldLoad load, String prefix) throws MqttException {
        List<Lane> json = new ArrayList<>();
        List<Lane> hj212 = new ArrayList<>();
        List<Lane> jt808 = new ArrayList<>();
        try {
            for (int e = 0; e < load.enterprises(); e++) {
                json.add(Lane.connect(mqtt, prefix + "json-" + e, FieldLoad.login(e), load.password(), load.json(e)));
                hj212.add(Lane.connect(mqtt, prefix + "hj212-" + e, FieldLoad.login(e), load.password(),
                    load.hj212(e)));
            }
            for (int f = 0; f < FieldLoad.FLEET_LANES; f++) {
                jt808.add(Lane.connect(mqtt, prefix + "jt808-" + f, FieldLoad.fleetLogin(), load.password(),
                    load.jt808(f)));
            }
        } catch (MqttException | RuntimeException e) {
            new Lanes(json, hj212, jt808).close();
            throw e;
        }
        return new Lanes(json, hj212, jt808);
    }

    List<Lane> all() {
        List<Lane> all = new ArrayList<>(json);
        all.addAll(hj212);
        all.addAll(jt808);
        return all;
    }

    /** Readings in messages the broker acknowledged, since the lanes connected. */
    long sent() {
        return all().stream().mapToLong(Lane::readings).sum();
    }

    long messages() {
        return all().stream().mapToLong(Lane::messages).sum();
    }

    long failed() {
        return all().stream().mapToLong(Lane::failed).sum();
    }

    long exceeding() {
        return all().stream().mapToLong(Lane::exceeding).sum();
    }

    /**
     * Every lane sends its format's share of {@code rate} readings/s from {@code startNanos} for
     * {@code duration}, on {@code threads} (one per lane); returns the seconds until all were acknowledged.
     */
    double send(ExecutorService threads, int rate, int readingsPerMessage, long startNanos, Duration duration)
        throws InterruptedException, ExecutionException {
        long end = startNanos + duration.toNanos();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        start(threads, running, json, rate * FieldLoad.JSON_SHARE / readingsPerMessage, end);
        start(threads, running, hj212, rate * FieldLoad.HJ212_SHARE / readingsPerMessage, end);
        start(threads, running, jt808, rate * FieldLoad.jt808Share() / FieldLoad.FRAME_READINGS, end);
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void start(ExecutorService threads, List<CompletableFuture<Void>> running, List<Lane> lanes,
                              double formatRate, long end) {
        double each = formatRate / lanes.size();
        for (Lane lane : lanes) {
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    lane.run(each, end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("lane interrupted", e);
                }
            }, threads));
        }
    }

    @Override
    public void close() {
        all().forEach(Lane::close);
    }
}
