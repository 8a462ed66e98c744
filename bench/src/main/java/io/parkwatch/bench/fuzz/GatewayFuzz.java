package io.parkwatch.bench.fuzz;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.transport.health.Health;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the fuzz cases through a running gateway (in this JVM, wired as {@code parkwatch ingest}
 * wires it, with its health probes on a port of their own) and accounts for every one: rejected
 * with a reason (its bytes in the rejected topic), or accepted (the gateway counted it received
 * and not rejected), else lost.
 */
public final class GatewayFuzz {

    /** How long the rejected topic may stay still before what is missing counts as missing. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final String kafka;
    private final String mqtt;
    private final FuzzPark park;

    public GatewayFuzz(String kafka, String mqtt, FuzzPark park) {
        this.kafka = kafka;
        this.mqtt = mqtt;
        this.park = park;
    }

    public GatewayFuzzReport run(int perFormat, long seed) throws Exception {
        long started = System.nanoTime();
        List<FuzzCase> cases = PayloadFuzzer.generate(park, perFormat, seed, System.currentTimeMillis());
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Health health = new Health(meters);
        MqttSubscriptionSettings subscription = new MqttSubscriptionSettings(mqtt, FuzzPark.GATEWAY_USER,
            park.password(), "fuzz-gateway-" + park.park(), ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 0, 1);
        try (GatewayRuntime gateway = GatewayRuntime.start(kafka, subscription, RegistryView.of(park.points()), meters,
                Clock.systemUTC());
             MetricsHttpServer probes = MetricsHttpServer.start("127.0.0.1", 0, meters, health);
             RejectionTally tally = new RejectionTally(kafka, park, cases)) {
            gateway.registerHealth(health);
            health.started();
            long heapBefore = HeapProbe.settled();
            Map<FuzzFormat, Long> acknowledged = publish(cases);
            settle(tally, cases.size());
            long received = (long) count(meters, "parkwatch.ingest.messages.received");
            long rejected = (long) meters.find("parkwatch.ingest.messages.rejected").counters().stream()
                .mapToDouble(Counter::count).sum();
            long ignored = (long) count(meters, "parkwatch.ingest.messages.ignored");
            long heapAfter = HeapProbe.settled();
            return new GatewayFuzzReport(perFormat, seed, cases.size(), acknowledged, tally, received, rejected,
                ignored, heapBefore, heapAfter, status(probes.port(), "/health/live"),
                status(probes.port(), "/health/ready"), (System.nanoTime() - started) / 1e9);
        }
    }

    private Map<FuzzFormat, Long> publish(List<FuzzCase> cases) throws Exception {
        Map<FuzzFormat, Long> acknowledged = new EnumMap<>(FuzzFormat.class);
        for (FuzzFormat format : FuzzFormat.values()) {
            try (FuzzPublisher publisher = FuzzPublisher.connect(mqtt, "fuzz-" + format + "-" + park.park(),
                    park.login(format), park.password())) {
                for (FuzzCase fuzz : cases) {
                    if (fuzz.format() == format) {
                        publisher.publish(fuzz);
                    }
                }
                publisher.drain();
                acknowledged.put(format, publisher.acknowledged());
            }
        }
        return acknowledged;
    }

    /** Reads the rejected topic until every case is matched, or nothing new came for {@link #SETTLE}. */
    private static void settle(RejectionTally tally, int sent) {
        long last = -1;
        long stillSince = System.nanoTime();
        while (tally.matched() < sent && System.nanoTime() - stillSince < SETTLE.toNanos()) {
            tally.poll();
            if (tally.matched() != last) {
                last = tally.matched();
                stillSince = System.nanoTime();
            }
        }
        tally.poll();
    }

    private static double count(PrometheusMeterRegistry meters, String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
