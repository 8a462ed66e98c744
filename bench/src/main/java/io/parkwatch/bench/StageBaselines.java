package io.parkwatch.bench;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The gateway benchmark's baseline phases for other benchmarks: a raw Kafka producer and the
 * MQTT broker alone, on servers the caller started, with a {@link BenchLoad}'s accounts in the
 * broker's policy. The broker-alone subscriber joins the gateway's share group: no gateway may
 * be subscribed while it runs.
 */
public final class StageBaselines {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private StageBaselines() {
    }

    /** Records the gateway would make of {@code load}, sent by one producer with the gateway's settings. */
    public static PhaseResult rawProducer(String kafka, BenchLoad load, long warmUp, long messages) {
        return new RawProducerPhase(kafka, load, new CpuClock(OptionalLong.empty())).run(warmUp, messages);
    }

    /** The load's publishers → broker → a Paho subscriber acknowledging at once. */
    public static PhaseResult brokerAlone(String mqtt, BenchLoad load, long warmUp, long messages) throws Exception {
        try (CountingSubscriber subscriber = CountingSubscriber.connect(mqtt, load, BenchServers.BROKER_INFLIGHT);
             Publishers publishers = Publishers.connect(mqtt, load, "baseline")) {
            if (warmUp > 0) {
                publishers.start("warm-baseline", warmUp).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                subscriber.awaitAtLeast(warmUp, TIMEOUT);
            }
            CpuClock cpu = new CpuClock(OptionalLong.empty());
            long before = subscriber.received();
            long started = System.nanoTime();
            long cpuBefore = cpu.now();
            CompletableFuture<Void> sending = publishers.start("baseline", messages);
            long received = subscriber.awaitAtLeast(before + messages, TIMEOUT) - before;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            sending.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new PhaseResult("broker alone", messages, received * load.readingsPerMessage(), elapsed,
                load.readingsPerMessage(), cpu.now() - cpuBefore);
        }
    }
}
