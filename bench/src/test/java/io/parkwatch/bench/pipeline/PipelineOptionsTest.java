package io.parkwatch.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bridge baseline runs unless --no-bridge says otherwise; --baseline-messages 0 does not skip it. */
class PipelineOptionsTest {

    private static PipelineSettings parse(String... args) {
        PipelineBenchCommand command = new PipelineBenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options.settings();
    }

    @Test
    void theBridgeRunsByDefaultAndNoBridgeSkipsIt() {
        assertThat(parse().bridge()).isTrue();
        assertThat(parse("--no-bridge").bridge()).isFalse();
        assertThat(parse("--bridge").bridge()).isTrue();
    }

    @Test
    void skippingTheOtherBaselinesKeepsTheBridge() {
        PipelineSettings settings = parse("--baseline-messages", "0");

        assertThat(settings.baselineMessages()).isZero();
        assertThat(settings.bridge()).isTrue();
    }
}
