package io.parkwatch.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.alerts.topology.AlertsConfig;
import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.cli.runtime.ConsoleRuntime;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.sink.SinkSettings;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The control-room console in a real browser (Debian's headless Chromium) against the running
 * pipeline: Mosquitto, the gateway, the streams processors (alerts and coverage), the InfluxDB
 * sink and the console on real Kafka and influxd. An operator logs in, a gas reading over MQTT shows up live as a critical
 * alert, is acknowledged with a note, the coverage board lists a required meter that never
 * reported, and the console switches to English. Each step leaves a screenshot in
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserIT {

    private static final String TOKEN = "console-operator-token-0123456789";
    private static final String OPERATOR = "ops-console";
    private static final String ENTERPRISE = "e1";
    private static final String GATEWAY = "gateway-console";
    private static final Duration PIPELINE = Duration.ofMinutes(2);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String park = "console" + run;
    private final String gasKey = park + "/" + ENTERPRISE + "/gas-1";
    private final String meterKey = park + "/" + ENTERPRISE + "/elec-9";
    private final char[] gatewayPassword = UUID.randomUUID().toString().toCharArray();
    private final char[] enterprisePassword = UUID.randomUUID().toString().toCharArray();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private MosquittoBroker broker;
    private ConsoleRuntime alerts;
    private ConsoleBrowser browser;

    @BeforeEach
    void startPipelineAndBrowser() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        Registry registry = registry();
        new KafkaRegistryLoader(kafka).load(registry);
        broker = keep(MosquittoBroker.start(MosquittoConfig.defaults(SharedServers.directory("console-mqtt-" + run),
            new StaticAccessPolicy(List.of(ParkAccounts.gateway(GATEWAY, gatewayPassword),
                ParkAccounts.enterprise(login(), enterprisePassword, park, ENTERPRISE))))));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        keep(StreamsRuntime.start(new StreamsSettings("console-" + run, kafka,
            SharedServers.directory("console-streams-" + run), 1, 1, Duration.ofMillis(100)), quickCoverage(),
            Set.of(AlertsConfig.DEFAULT_PROFILE), meters));
        keep(GatewayRuntime.start(kafka, new MqttSubscriptionSettings(broker.uri(), GATEWAY, gatewayPassword,
                "gateway-console-" + run, ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 0),
            RegistryView.of(registry.points()), meters, Clock.systemUTC()));
        InfluxTarget influx = InfluxTarget.v1(SharedServers.influxd().url(), "console_it_" + run);
        keep(SinkRuntime.start(new SinkSettings(kafka, "console-sink-" + run, 5000, Duration.ofMillis(100),
            SinkSettings.defaults(kafka).backoff()), influx, RetentionSettings.defaults(), meters, Clock.systemUTC()));
        Path tokens = SharedServers.directory("console-tokens-" + run).resolve("api-tokens.properties");
        Files.writeString(tokens, OPERATOR + "=operator:" + TOKEN + "\n");
        alerts = keep(ConsoleRuntime.start("127.0.0.1", 0, influx, ConsoleRuntime.BoardSettings.of(kafka),
            ApiTokens.load(tokens),
            ParkZones.DEFAULT, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC()));
        browser = keep(ConsoleBrowser.start(SCREENSHOTS));
    }

    @AfterEach
    void stopEverything() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                // Stopping the rest matters more than this one's failure.
            }
        }
    }

    @Test
    void anOperatorSeesAnAlertLiveAcknowledgesItFindsASilentPointAndSwitchesToEnglish() throws Exception {
        try {
            logIn();
            String alertId = alertAppearsLiveWithoutReload();
            acknowledge(alertId);
            switchToEnglish(alertId);
            alertOpensItsPointDrillDown(alertId);
            parkMapIsDrawn();
            coverageBoardListsTheSilentMeter();
            reportsListTheEnterpriseAndOpenItsMonthlyReport();
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("failed");
            throw e;
        }
    }

    private void logIn() throws Exception {
        browser.driver().get("http://127.0.0.1:" + alerts.port() + "/");
        browser.await(Duration.ofSeconds(20), "the login form", d -> browser.find("#token").isDisplayed());
        assertThat(browser.text("#login-submit")).isEqualTo("登录");
        browser.screenshot("01-login");
        browser.find("#token").sendKeys(TOKEN);
        browser.click("#login-submit");
        browser.await(Duration.ofSeconds(20), "the alerts view after login", d -> browser.find("#console").isDisplayed()
            && "live".equals(browser.attribute("#stream-status", "data-state")));
        assertThat(browser.text("#nav-alerts")).isEqualTo("告警");
        assertThat(browser.script("return window.location.href")).asString().doesNotContain(TOKEN);
        assertThat(browser.script("return sessionStorage.getItem('parkwatch.token')")).isEqualTo(TOKEN);
        browser.screenshot("02-logged-in");
    }

    /** The alert's id, once its row is in the open list. */
    private String alertAppearsLiveWithoutReload() throws Exception {
        browser.script("window.parkwatchNotReloaded = true");
        publishLel(60, Instant.now().minusSeconds(5));
        By gasRow = By.xpath("//table[@id='open-alerts']//tr[td[contains(@class,'point') and text()='" + gasKey
            + "'] and td[text()='combustible-gas']]");
        String alertId = browser.await(PIPELINE, "the gas alert in the open list", d -> {
            List<WebElement> rows = d.findElements(gasRow);
            return rows.isEmpty() ? null : rows.get(0).getAttribute("data-alert-id");
        });
        assertThat(browser.script("return window.parkwatchNotReloaded === true")).as("no reload").isEqualTo(true);
        String row = "#open-alerts tr[data-alert-id='" + alertId + "']";
        assertThat(browser.attribute(row, "class")).contains("sev-CRITICAL");
        assertThat(browser.text(row + " .badge")).isEqualTo("严重");
        assertThat(browser.attribute(row + " td.state", "data-state")).isEqualTo("open");
        assertThat(browser.find("#critical-banner").isDisplayed()).as("a new critical alert is flagged").isTrue();
        assertThat(browser.text("#critical-banner")).contains("严重告警").contains(gasKey);
        browser.screenshot("03-critical-alert-live");
        return alertId;
    }

    private void acknowledge(String alertId) throws Exception {
        String row = "#open-alerts tr[data-alert-id='" + alertId + "']";
        browser.click(row + " button.ack");
        browser.await(Duration.ofSeconds(10), "the acknowledgement dialog", d -> browser.find("#ack-dialog").isDisplayed());
        browser.find("#ack-note").sendKeys("crew sent to tank farm");
        browser.screenshot("04-acknowledge-dialog");
        browser.click("#ack-send");
        browser.await(Duration.ofMinutes(1), "the alert acknowledged",
            d -> "acknowledged".equals(browser.attribute(row + " td.state", "data-state")));
        assertThat(browser.text(row + " td.state")).contains("已确认").contains(OPERATOR).contains("crew sent to tank farm");
        assertThat(browser.find(row + " button.drill").isDisplayed()).isTrue();
        assertThat(browser.findAll(row + " button.ack")).as("no second acknowledgement").isEmpty();
        browser.screenshot("05-acknowledged");
    }

    private void switchToEnglish(String alertId) throws Exception {
        browser.click("#language");
        browser.await(Duration.ofSeconds(10), "English labels", d -> "Alerts".equals(browser.text("#nav-alerts")));
        assertThat(browser.text("#nav-coverage")).isEqualTo("Coverage board");
        assertThat(browser.text("#open-alerts th")).isEqualTo("Severity");
        assertThat(browser.text("#open-alerts tr[data-alert-id='" + alertId + "'] td.state")).startsWith("Acknowledged");
        assertThat(browser.text("#language")).isEqualTo("中文");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        browser.screenshot("06-english");
    }

    /** The drill-down opens on the alert's point and charts its readings. */
    private void alertOpensItsPointDrillDown(String alertId) throws Exception {
        browser.click("#open-alerts tr[data-alert-id='" + alertId + "'] button.drill");
        browser.await(Duration.ofSeconds(20), "the chart of the alert's point", d -> browser.find("#view-drill")
            .isDisplayed() && !browser.findAll("#drill-chart").isEmpty());
        assertThat(browser.find("#drill-point").getAttribute("value")).isEqualTo(gasKey);
        assertThat(browser.find("#view-alerts").isDisplayed()).isFalse();
        browser.screenshot("07-point-drill-down");
    }

    /** The map draws the park with the enterprise whose point raised the (acknowledged, still open) alert highlighted. */
    private void parkMapIsDrawn() throws Exception {
        browser.click("#nav-map");
        String site = "#park-map g.enterprise[data-id='" + ENTERPRISE + "']";
        browser.await(Duration.ofSeconds(30), "the park map with the enterprise", d -> browser.find("#view-map")
            .isDisplayed() && !browser.findAll(site).isEmpty());
        assertThat(browser.attribute(site, "class")).contains("alerting").contains("sev-CRITICAL");
        browser.screenshot("08-park-map");
    }

    private void coverageBoardListsTheSilentMeter() throws Exception {
        browser.click("#nav-coverage");
        String energyRow = "section.park-board[data-park='" + park
            + "'] tr.coverage-row[data-module='ENERGY'][data-class='key-energy-user-meters']";
        browser.await(PIPELINE, "the park's key-energy-user-meters row on the coverage board",
            d -> browser.attribute(energyRow, "class"));
        assertThat(browser.attribute(energyRow, "class")).as("0 of 1 meters live").contains("short");
        browser.click(energyRow);
        String silent = "section.park-board[data-park='" + park + "'] li[data-point='" + meterKey + "']";
        browser.await(Duration.ofSeconds(30), "the silent meter listed under its row (needs GET /api/v1/coverage/board)",
            d -> browser.text(silent));
        assertThat(browser.text(silent)).contains(meterKey).contains("Silent since");
        browser.screenshot("09-coverage-silent-point");
    }

    private void reportsListTheEnterpriseAndOpenItsMonthlyReport() throws Exception {
        browser.click("#nav-reports");
        browser.await(Duration.ofSeconds(10), "the reports view's park list", d -> browser.text("#reports-park"));
        browser.script("const s = document.getElementById('reports-park'); s.value = arguments[0];"
            + " s.dispatchEvent(new Event('change'));", park);
        String row = "table.reports tr.enterprise-row[data-enterprise='" + ENTERPRISE + "']";
        browser.await(Duration.ofSeconds(15), "the enterprise with a stack listed in the park's reports",
            d -> browser.text(row));
        assertThat(browser.text(row)).contains("Console Chemicals").contains("no permit loaded");
        browser.click(row + " button");
        browser.await(Duration.ofSeconds(15), "the enterprise's monthly report", d -> browser.text("h2.report-title"));
        assertThat(browser.text("h2.report-title")).contains("Monthly emission report").contains("Console Chemicals");
        assertThat(browser.text("#view-reports table.report td.point")).isEqualTo("stack-1");
        browser.screenshot("10-monthly-report");
    }

    private Registry registry() {
        PointEntry detector = new PointEntry(park, ENTERPRISE, "gas-1", Module.SAFETY, "gas-detector",
            Duration.ofMinutes(1), null, null);
        PointEntry meter = new PointEntry(park, ENTERPRISE, "elec-9", Module.ENERGY, "electricity-meter",
            Duration.ofMinutes(1), null, null);
        // A stack, so that the enterprise has an outlet in the bureau's reports; it sends nothing, and is
        // kept for information only so that coverage and data gaps leave it out.
        PointEntry stack = new PointEntry(park, ENTERPRISE, "stack-1", Module.ENVIRONMENT, "cems-stack",
            Duration.ofMinutes(1), null, null, false);
        return new Registry(List.of(new ParkEntry(park, "Console IT park")),
            List.of(new EnterpriseEntry(park, ENTERPRISE, "Console Chemicals", Set.of(EnterpriseClass.KEY_ENERGY_USER))
                .at(new Location(39.468, 106.938))),
            List.of(detector, meter, stack));
    }

    /** The documented defaults, emitting every 2 s instead of every 30 s. */
    private static CoverageConfig quickCoverage() {
        CoverageConfig d = CoverageConfig.defaults();
        return new CoverageConfig(d.rows(), d.kinds(), d.windowMultiple(), d.minimumWindow(), d.windowByKind(),
            d.enterpriseRule(), d.targetOverrides(), Duration.ofSeconds(2), d.silentLimit(), d.zone(), d.zoneByPark(),
            Duration.ofSeconds(5), d.hourlyRuleKinds(), d.validHourNormalShare(), d.energyMeterTarget(),
            d.validHourTarget(), d.daysKept());
    }

    private String login() {
        return park + "." + ENTERPRISE;
    }

    private void publishLel(double lel, Instant at) throws Exception {
        MqttClient client = new MqttClient(broker.uri(), "console-e1-" + run, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(login());
        options.setPassword(new String(enterprisePassword).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        MqttMessage message = new MqttMessage(("{\"metric\":\"lel\",\"value\":" + lel + ",\"unit\":\"%LEL\",\"ts\":"
            + at.toEpochMilli() + ",\"id\":\"console-" + at.toEpochMilli() + "\"}").getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("parks/" + park + "/enterprises/" + ENTERPRISE + "/points/gas-1", message);
        client.disconnect();
        client.close();
    }

    private <T extends AutoCloseable> T keep(T resource) {
        running.push(resource);
        return resource;
    }
}
