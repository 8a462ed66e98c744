package io.parkwatch.contracts.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointKeyTest {

    @Test
    void theTextIsParkEnterprisePointJoinedBySlashes() {
        assertThat(PointKey.of("ordos", "m01", "stack-01").toString()).isEqualTo("ordos/m01/stack-01");
        assertThat(PointKey.text("ordos", "m01", "stack-01")).isEqualTo("ordos/m01/stack-01");
    }

    @Test
    void parseReadsBackWhatToStringWrites() {
        PointKey key = PointKey.parse("ordos/m01/stack-01");
        assertThat(key).isEqualTo(new PointKey("ordos", "m01", "stack-01"));
        assertThat(PointKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void aMalformedKeyIsRefusedSayingWhy() {
        assertThatThrownBy(() -> PointKey.parse("ordos/m01"))
            .hasMessage("'ordos/m01' is not a point key: expected park/enterprise/point");
        assertThatThrownBy(() -> PointKey.parse("a/b/c/d"))
            .hasMessage("'a/b/c/d' is not a point key: expected park/enterprise/point");
        assertThatThrownBy(() -> PointKey.parse("ordos//stack-01"))
            .hasMessage("'ordos//stack-01' is not a point key: the enterprise is empty");
        assertThatThrownBy(() -> PointKey.of("ordos", "m/01", "x")).hasMessage("the enterprise 'm/01' contains '/'");
    }

    @Test
    void partsAreReadFromTheTextOfPointAndEnterpriseKeys() {
        assertThat(PointKey.parkOf("ordos/m01/stack-01")).isEqualTo("ordos");
        assertThat(PointKey.enterpriseOf("ordos/m01/stack-01")).isEqualTo("m01");
        assertThat(PointKey.pointOf("ordos/m01/stack-01")).isEqualTo("stack-01");
        assertThat(PointKey.parkOf("ordos/m01")).isEqualTo("ordos");
        assertThat(PointKey.enterpriseOf("ordos/m01")).isEqualTo("m01");
        assertThat(PointKey.pointOf("ordos/m01")).isNull();
        assertThat(PointKey.parkOf("ordos")).isEqualTo("ordos");
        assertThat(PointKey.enterpriseOf("ordos")).isNull();
    }
}
