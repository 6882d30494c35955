package io.netflixlakehouse.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BenchTextTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldSayHowTheStackWasWarmedUpBeforeTheDrop() {
        ObjectNode summary = mapper.createObjectNode().put("rows", 1000);
        summary.putObject("warmUp").put("records", 50000).put("seconds", 33.34);

        assertThat(BenchText.format(summary))
                .contains("Warm-up: 50,000 records through the stack in 33.3 s before the drop (not measured)");
    }

    @Test
    void shouldSayWhenTheStackWasCold() {
        assertThat(BenchText.format(mapper.createObjectNode().put("rows", 1000)))
                .contains("Warm-up: none (a cold stack)");
    }
}
