package io.parkwatch.bench.field;

import io.parkwatch.bench.GatewayJvm;
import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.simulator.tcp.AnswerListener.Outcome;
import io.parkwatch.simulator.tcp.FieldClients;
import io.parkwatch.simulator.tcp.TcpAddress;
import io.parkwatch.simulator.tcp.TcpClientSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field soak against the real listeners and the real broker: embedded Kafka, the fleet in
 * the registry topic, {@code parkwatch ingest} with both TCP listeners and no MQTT broker as a
 * child process, the simulator's TCP clients sending for the duration and,
 * with a kill, the gateway SIGKILLed halfway and started again on the same ports. At the end,
 * every report answered as accepted is looked up in the readings topic by its message id.
 */
public final class FieldSoak {

    private static final long TICK_MILLIS = 50;

    private final FieldSoakSettings settings;
    private final PrintStream progress;

    public FieldSoak(FieldSoakSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public FieldSoakResult run() throws Exception {
        FieldFleet fleet = FieldFleet.of(settings.terminals(), settings.loggers());
        Path dir = Files.createTempDirectory("parkwatch-field-soak-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")))) {
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
            new KafkaRegistryLoader(kafka.bootstrapServers()).load(fleet.registry());
            FieldGateway.Launch launch = new FieldGateway.Launch(kafka.bootstrapServers(), freePort(),
                fleet.writeCredentials(dir), freePort(), UUID.randomUUID().toString(), dir.resolve("gateway.log"));
            progress.println("gateway log: " + launch.log());
            try (ReportTally tally = new ReportTally(kafka.bootstrapServers())) {
                return soak(fleet, launch, tally);
            }
        }
    }

    private FieldSoakResult soak(FieldFleet fleet, FieldGateway.Launch launch, ReportTally tally) throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        GatewayJvm gateway = FieldGateway.start(launch);
        long started = System.nanoTime();
        int kills = 0;
        long restarted = 0;
        CompletableFuture<GatewayJvm> restart = null;
        try (FieldClients clients = new FieldClients(TcpClientSettings.DEFAULTS, (delivery, outcome) -> {
            if (outcome == Outcome.ACCEPTED) {
                accepted.add(delivery.key());
            }
        })) {
            TcpAddress loggers = new TcpAddress("127.0.0.1", launch.hj212Port());
            TcpAddress terminals = new TcpAddress("127.0.0.1", launch.jt808Port());
            fleet.terminals().forEach(t -> clients.addTerminal(t, terminals));
            fleet.passwordsByMn().forEach((mn, password) -> clients.addLogger(mn, password, loggers));
            clients.start();
            Clock clock = Clock.systemUTC();
            FieldLoad load = new FieldLoad(clients, fleet, settings.interval().toMillis(), clock, clock.millis());
            long end = started + settings.duration().toNanos();
            boolean killDue = settings.kill();
            while (System.nanoTime() < end || restart != null && restarted == 0) {
                load.tick();
                if (killDue && System.nanoTime() >= started + settings.duration().toNanos() / 2) {
                    killDue = false;
                    gateway.kill();
                    kills++;
                    progress.printf("gateway killed (SIGKILL) after %.1f s; starting it again%n", seconds(started));
                    // Started in the background: the devices go on reporting (and queueing) meanwhile.
                    restart = CompletableFuture.supplyAsync(() -> startQuietly(launch));
                }
                if (restart != null && restarted == 0 && restart.isDone()) {
                    gateway = restart.join();
                    restarted = System.nanoTime();
                    // Half the duration runs against the restarted gateway, however long it took to start.
                    end = Math.max(end, restarted + settings.duration().toNanos() / 2);
                    progress.printf("gateway running again after %.1f s%n", seconds(started));
                }
                Thread.sleep(TICK_MILLIS);
            }
            if (!clients.finish(Duration.ofSeconds(60))) {
                progress.println("some reports were still unsettled 60 s after the load stopped");
            }
            awaitTally(accepted, tally);
            FieldSoakResult result = result(clients, accepted, tally, kills,
                kills > 0 ? clients.acceptedSince(restarted) : 0, seconds(started));
            gateway.stop();
            return result;
        } catch (Exception | Error e) {
            gateway.kill();
            if (restart != null) {
                restart.thenAccept(GatewayJvm::killQuietly);
            }
            throw e;
        }
    }

    private static GatewayJvm startQuietly(FieldGateway.Launch launch) {
        try {
            return FieldGateway.start(launch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the gateway", e);
        }
    }

    /** Until every accepted report is in the tally, or nothing new has come for 10 s. */
    private static void awaitTally(Set<String> accepted, ReportTally tally) throws InterruptedException {
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 10_000_000_000L) {
            if (accepted.stream().allMatch(tally::contains)) {
                return;
            }
            if (tally.reports() != seen) {
                seen = tally.reports();
                quietSince = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private FieldSoakResult result(FieldClients clients, Set<String> accepted, ReportTally tally, int kills,
                                   int acceptedAfterRestart, double seconds) {
        var counts = clients.counts();
        List<String> missing = new ArrayList<>();
        long inKafka = 0;
        for (String key : accepted) {
            if (tally.contains(key)) {
                inKafka++;
            } else if (missing.size() < 10) {
                missing.add(key);
            }
        }
        return new FieldSoakResult(settings.terminals(), settings.loggers(), counts.connections(), counts.sent(),
            counts.accepted(), counts.refused(), counts.unanswered(), counts.dropped(), inKafka,
            accepted.size() - inKafka, tally.duplicates(), counts.resent(), kills, acceptedAfterRestart, seconds,
            List.copyOf(missing));
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
