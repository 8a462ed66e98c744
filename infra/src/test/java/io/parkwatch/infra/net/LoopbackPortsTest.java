package io.parkwatch.infra.net;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void busyPortFailsNamingTheFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LoopbackPorts.requireFree("127.0.0.1", port, "--kafka-port"))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining(String.valueOf(port))
                .hasMessageContaining("--kafka-port");
        }
    }

    @Test
    void freePortPasses() {
        int port = LoopbackPorts.freePort();
        assertThatCode(() -> LoopbackPorts.requireFree("127.0.0.1", port, "--mqtt-port")).doesNotThrowAnyException();
    }
}
