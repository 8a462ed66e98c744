package io.parkwatch.bench.jt808;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.util.internal.PlatformDependent;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.format.SessionRefusals;
import io.parkwatch.ingest.jt808.tcp.AuthenticationCodes;
import io.parkwatch.ingest.jt808.tcp.Jt808Listener;
import io.parkwatch.ingest.jt808.tcp.Jt808TcpSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parkwatch bench jt808-idle}: how many idle, authenticated JT/T 808 terminals one listener
 * holds, and the heap each costs. The terminals run in a child JVM; this JVM runs the listener
 * alone, so the heap measured after a full GC is the listener's.
 */
@Command(name = "jt808-idle", mixinStandardHelpOptions = true,
    description = {"Idle JT/T 808 terminals held by one listener: N connections register, authenticate and stay "
        + "silent; prints the connections held, the heap used and the heap per connection."})
public final class IdleTerminalsBenchCommand implements Callable<Integer> {

    @Option(names = "--terminals", defaultValue = "10000",
        description = "Terminals to connect (mind ulimit -n: each process holds one descriptor per terminal). "
            + "Default: ${DEFAULT-VALUE}.")
    int terminals;

    @Override
    public Integer call() throws Exception {
        if (terminals < 1) {
            throw new IllegalArgumentException("--terminals must be at least 1: " + terminals);
        }
        List<PointEntry> vehicles = new ArrayList<>(terminals);
        for (int i = 0; i < terminals; i++) {
            vehicles.add(new PointEntry("bench", "fleet", "v-" + i, Module.LOGISTICS, "park-vehicle",
                Duration.ofSeconds(30), null, IdleTerminals.terminal(i)));
        }
        RegistryView registry = RegistryView.of(vehicles);
        // Idle terminals send no report: a report reaching this gateway is a bench error.
        SessionGateway noReports = (address, payload) -> CompletableFuture.failedFuture(
            new IllegalStateException("idle terminals do not report"));
        // A heartbeat interval longer than the run: the idle timeout must not close the terminals measured.
        Jt808TcpSettings settings = Jt808TcpSettings.of("127.0.0.1", 0, Duration.ofHours(1));
        SessionRefusals noRefusals = (source, address, payload, refused) -> CompletableFuture.failedFuture(
            new IllegalStateException("idle terminals are not refused: " + refused.reason()));
        try (Jt808Listener listener = Jt808Listener.start(settings, registry, noReports, noRefusals,
                new AuthenticationCodes(UUID.randomUUID().toString()), new SimpleMeterRegistry(), Clock.systemUTC())) {
            long heapBefore = settledHeap();
            long directBefore = direct();
            long started = System.nanoTime();
            Process child = terminalsProcess(listener.port(), terminals);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                if (line == null || !line.startsWith(IdleTerminals.READY)) {
                    throw new IllegalStateException("the terminals' process stopped before all were authenticated "
                        + "(exit " + child.waitFor() + "); mind ulimit -n");
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                Thread.sleep(2000);
                long heapAfter = settledHeap();
                long directAfter = direct();
                int held = listener.connections();
                System.out.printf("terminals connected, registered and authenticated: %d in %.1f s%n", terminals,
                    seconds);
                System.out.printf("connections held by the listener: %d%n", held);
                System.out.printf("heap used after full GC: %.1f MiB before, %.1f MiB with them%n",
                    heapBefore / 1048576.0, heapAfter / 1048576.0);
                System.out.printf("heap per connection: %.0f bytes%n", (heapAfter - heapBefore) / (double) held);
                System.out.printf("direct buffers: %.1f MiB before, %.1f MiB with them%n",
                    directBefore / 1048576.0, directAfter / 1048576.0);
            } finally {
                child.getOutputStream().close();
                child.destroy();
                child.waitFor();
            }
        }
        return 0;
    }

    private static Process terminalsProcess(int port, int count) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
            IdleTerminals.class.getName(), "127.0.0.1", String.valueOf(port), String.valueOf(count))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static long settledHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /** The JDK's direct buffers and Netty's own (which bypass the JDK's count). */
    private static long direct() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum()
            + Math.max(0, PlatformDependent.usedDirectMemory());
    }
}
