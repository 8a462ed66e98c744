package io.parkwatch.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final Caller enterprise = new Caller("e001-token", Role.ENTERPRISE, Optional.of("e001"));
    private final Caller bureau = new Caller("bureau-token", Role.BUREAU, Optional.empty());

    @Test
    void enterpriseTokenReadsItsOwnEnterpriseOrNoneNamedButNoOther() {
        assertThat(enterprise.mayRead(Optional.of("e001"))).isTrue();
        assertThat(enterprise.mayRead(Optional.empty())).isTrue();
        assertThat(enterprise.mayRead(Optional.of("e002"))).isFalse();
    }

    @Test
    void bureauTokenReadsEveryEnterprise() {
        assertThat(bureau.mayRead(Optional.of("e002"))).isTrue();
        assertThat(bureau.mayRead(Optional.empty())).isTrue();
    }
}
