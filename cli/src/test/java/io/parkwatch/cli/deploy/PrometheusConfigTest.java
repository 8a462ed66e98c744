package io.parkwatch.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus is what Prometheus accepts, and its alerts do what they say: promtool (from
 * Debian's prometheus package, which scripts/setup.sh installs) checks the scrape configuration
 * with its rule file, and runs the rules' unit tests, in which every alert fires after its
 * {@code for} duration and resolves. The scrape targets use the ports the systemd units give.
 */
class PrometheusConfigTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path PROMETHEUS = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();
    private static final Path SYSTEMD = PROMETHEUS.resolveSibling("systemd");

    @Test
    void scrapeConfigurationAndItsRuleFileAreValid() throws Exception {
        String output = promtool("check", "config", "prometheus.yml");
        assertThat(output).contains("SUCCESS: 1 rule files found", "parkwatch-rules.yml");
    }

    @Test
    void everyAlertHasASummaryADescriptionAndAUnitTestThatPasses() throws Exception {
        List<String> alerts = matches("(?m)^\\s+- alert: (\\w+)$", PROMETHEUS.resolve("parkwatch-rules.yml"));
        assertThat(alerts).isNotEmpty();
        String rules = Files.readString(PROMETHEUS.resolve("parkwatch-rules.yml"));
        assertThat(count("(?m)^\\s+summary: ", rules)).as("a summary per alert").isEqualTo(alerts.size());
        assertThat(count("(?m)^\\s+description: ", rules)).as("a description per alert").isEqualTo(alerts.size());
        promtool("check", "rules", "parkwatch-rules.yml");

        Path tests = PROMETHEUS.resolve("parkwatch-rules.test.yml");
        assertThat(new TreeSet<>(matches("(?m)^\\s+alertname: (\\w+)$", tests)))
            .as("every alert is unit-tested").containsAll(alerts);
        // Each alert's test holds one evaluation with the alert expected and one without after it.
        assertThat(count("(?m)^\\s+exp_alerts: \\[]$", Files.readString(tests)))
            .as("evaluations where no alert is expected").isGreaterThanOrEqualTo(2 * alerts.size());
        assertThat(promtool("test", "rules", "parkwatch-rules.test.yml")).contains("SUCCESS");
    }

    @Test
    void everyServiceIsScrapedOnTheMetricsPortItsUnitGives() throws Exception {
        String scrape = Files.readString(PROMETHEUS.resolve("prometheus.yml"));
        Map<String, String> portKeys = Map.of("ingest", "PARKWATCH_METRICS_PORT", "streams", "PARKWATCH_METRICS_PORT",
            "sink", "PARKWATCH_METRICS_PORT", "console", "PARKWATCH_HTTP_PORT");
        for (Map.Entry<String, String> service : portKeys.entrySet()) {
            SystemdUnit unit = SystemdUnit.read(SYSTEMD.resolve("parkwatch-" + service.getKey() + ".service"));
            String port = unit.values("Environment").stream()
                .filter(value -> value.startsWith(service.getValue() + "="))
                .map(value -> value.substring(value.indexOf('=') + 1)).findFirst().orElseThrow();
            Matcher job = Pattern.compile("- job_name: parkwatch-" + service.getKey() + "\\n(?:\\s{4,}.*\\n)*?\\s+- targets: \\[(.*)]")
                .matcher(scrape);
            assertThat(job.find()).as("a scrape job parkwatch-%s", service.getKey()).isTrue();
            assertThat(job.group(1).split(",")).as("targets of parkwatch-%s", service.getKey())
                .allSatisfy(target -> assertThat(target.strip()).endsWith(":" + port + "'"));
        }
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assertThat(PROMTOOL).as("promtool, from Debian's prometheus package: run scripts/setup.sh").isExecutable();
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
        return output;
    }

    private static List<String> matches(String regex, Path file) throws IOException {
        Matcher matcher = Pattern.compile(regex).matcher(Files.readString(file));
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static int count(String regex, String text) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
