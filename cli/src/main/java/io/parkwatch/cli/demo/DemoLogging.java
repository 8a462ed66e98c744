package io.parkwatch.cli.demo;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Switches logging to the demo's: library logs to {@code <data-dir>/logs/parkwatch.log} (rolled
 * by size), the terminal kept for parkwatch's own lines ({@code logback-demo.xml}). The services
 * run on their own keep {@code logback.xml}: their logs go to the console, where their supervisor
 * (systemd, a container runtime) collects them.
 */
public final class DemoLogging {

    private DemoLogging() {
    }

    /** The demo's log file under its data directory. */
    public static Path logFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("logs").resolve("parkwatch.log");
    }

    /** Reconfigures logback to write under {@code dataDir}/logs. */
    public static void toFiles(Path dataDir) {
        Path dir = logFile(dataDir).getParent();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = DemoLogging.class.getClassLoader().getResource("logback-demo.xml");
        if (config == null) {
            throw new IllegalStateException("logback-demo.xml is missing from the jar");
        }
        context.reset();
        context.putProperty("PARKWATCH_DEMO_LOGS", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure the demo's logging: " + e.getMessage(), e);
        }
    }
}
