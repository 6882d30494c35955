package io.netflixlakehouse.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldGiveDistinctPortsThatCanBeBound() throws Exception {
        List<Integer> ports = FreePorts.distinct(5);

        assertThat(ports).hasSize(5).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(1, 65_535));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void shouldRejectANonPositiveCount() {
        assertThatThrownBy(() -> FreePorts.distinct(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
