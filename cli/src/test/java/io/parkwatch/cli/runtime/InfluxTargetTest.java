package io.parkwatch.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfluxTargetTest {

    @Test
    void v2PoliciesGoToTheirConfiguredBucketAndTheRestToTheDatabaseBucket() {
        InfluxTarget target = v2(Map.of("agg_1m", "minutes", "agg_1h", "hours"));

        assertThat(target.bucketOf(Optional.empty())).isEqualTo("parkwatch");
        assertThat(target.bucketOf(Optional.of("agg_1m"))).isEqualTo("minutes");
        assertThat(target.bucketOf(Optional.of("agg_1h"))).isEqualTo("hours");
        assertThat(v2(Map.of("raw", "raw-bucket")).bucketOf(Optional.empty())).isEqualTo("raw-bucket");
    }

    @Test
    void anUnknownPolicyOrAV1TargetWithBucketsIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> v2(Map.of("agg_5m", "x")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--influx-bucket")
            .hasMessageContaining("agg_5m");
        assertThatThrownBy(() -> v2(Map.of("raw", " ")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--influx-bucket");
        assertThatThrownBy(() -> new InfluxTarget("http://127.0.0.1:8086", "parkwatch", "v1", null, null, null, null,
            Map.of("raw", "b"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--influx-api v2");
    }

    private static InfluxTarget v2(Map<String, String> buckets) {
        return new InfluxTarget("http://127.0.0.1:8086", "parkwatch", "v2", null, null, "token", "org", buckets);
    }
}
