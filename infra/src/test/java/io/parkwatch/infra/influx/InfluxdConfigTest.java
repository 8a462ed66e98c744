package io.parkwatch.infra.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfluxdConfigTest {

    private static final Path DATA = Path.of("/tmp/parkwatch-influx-test");

    @Test
    void refusesNonLoopbackHosts() {
        assertThatThrownBy(() -> new InfluxdConfig("0.0.0.0", 0, DATA, Optional.empty(), Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("loopback");
    }

    @Test
    void rendersEveryListenerOnLoopbackAndNoExtraServices() {
        String toml = InfluxdConfigFile.render("127.0.0.1", 18086, 18088, DATA);
        assertThat(toml)
            .contains("bind-address = \"127.0.0.1:18088\"")
            .contains("bind-address = \"127.0.0.1:18086\"")
            .contains("reporting-disabled = true")
            .contains("query-log-enabled = false")
            .contains("dir = \"" + DATA.resolve("meta") + "\"")
            .contains("wal-dir = \"" + DATA.resolve("wal") + "\"")
            .doesNotContain(":8086\"")
            .doesNotContain(":8088\"");
        for (String service : new String[] {"graphite", "collectd", "opentsdb", "udp"}) {
            assertThat(toml).contains("[[" + service + "]]\n  enabled = false");
        }
    }

    @Test
    void escapesQuotesInPaths() {
        String toml = InfluxdConfigFile.render("127.0.0.1", 1, 2, Path.of("/tmp/a\"b"));
        assertThat(toml).contains("dir = \"/tmp/a\\\"b/meta\"");
    }
}
