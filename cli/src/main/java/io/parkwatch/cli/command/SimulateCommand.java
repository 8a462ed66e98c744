package io.parkwatch.cli.command;

import io.parkwatch.simulator.mqtt.ParkSimulator;
import io.parkwatch.simulator.mqtt.SenderCredentials;
import io.parkwatch.simulator.park.SimulatedPark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Publish a simulated park's readings to an MQTT broker.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--mqtt", required = true, paramLabel = "URI", description = "MQTT broker, e.g. tcp://host:1883.")
    String mqtt;

    @Option(names = "--credentials", required = true, paramLabel = "FILE",
        description = "Properties file of logins: {park}.{enterprise}=password (the demo writes one).")
    Path credentials;

    @Mixin
    SampleParkOptions sample;

    @Option(names = "--speed-up", defaultValue = "1",
        description = "Send this many times faster than the points' intervals. Default: ${DEFAULT-VALUE}.")
    double speedUp;

    @Override
    public Integer call() throws Exception {
        Properties logins = load(credentials);
        SimulatedPark park = sample.park();
        ParkSimulator simulator = new ParkSimulator(park, Clock.systemUTC(), speedUp);
        simulator.start(mqtt, enterprise -> {
            String user = park.id() + "." + enterprise;
            String password = logins.getProperty(user);
            if (password == null) {
                throw new IllegalArgumentException(credentials + " has no login for " + user);
            }
            return new SenderCredentials(user, password.toCharArray());
        });
        UntilStopped.run(simulator);
        return 0;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
