package io.parkwatch.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertsBenchIT {

    @Test
    void everyMeasuredReadingAndEveryExpectedAlertIsTimed() {
        BenchOutput out = BenchOutput.run("alerts", "--rate", "500", "--messages", "1000", "--warm-up", "200",
            "--publishers", "2", "--points-per-publisher", "5");

        assertThat(out.exitCode()).isZero();
        assertThat(out.figure("readings sent")).isEqualTo(1000);
        assertThat(out.figure("readings acknowledged")).isEqualTo(1000);
        assertThat(out.figure("publish → reading seen")).isEqualTo(1000);
        // 2 publishers x 500 readings: every detector's every 10th reading is over the trigger, 50 each.
        assertThat(out.figure("alerts expected")).isEqualTo(100);
        assertThat(out.figure("publish → alert seen")).isEqualTo(100);
        assertThat(out.figure("publish → alert p99 ms")).isPositive();
        assertThat(out.text()).contains("achieved input rate /s:", "publish → reading p99 ms:");
        // Where the CPU went: Mosquitto's own process is among the lines, then the rest and the JIT.
        assertThat(out.figure("CPU us/reading, (MQTT broker process)")).isPositive();
        assertThat(out.text()).contains("CPU us/reading, the rest (JIT, GC, others):", "JIT compiler us/reading (elapsed):");
    }

    @Test
    void readingsSentAsJsonArraysAreEachTimedAndJudged() {
        BenchOutput out = BenchOutput.run("alerts", "--broker", "hivemq", "--readings-per-message", "10",
            "--rate", "500", "--messages", "1000", "--warm-up", "200", "--publishers", "2",
            "--points-per-publisher", "5", "--stream-threads", "2");

        assertThat(out.exitCode()).isZero();
        // 2 publishers x 50 messages of 10 readings; each detector's readings 0, 10, 20 ... exceed.
        assertThat(out.figure("readings sent")).isEqualTo(1000);
        assertThat(out.figure("readings acknowledged")).isEqualTo(1000);
        assertThat(out.figure("publish → reading seen")).isEqualTo(1000);
        assertThat(out.figure("alerts expected")).isEqualTo(100);
        assertThat(out.figure("publish → alert seen")).isEqualTo(100);
        assertThat(out.figure("CPU us/reading (alerts app)")).isPositive();
        assertThat(out.figure("alerts stream threads")).as("two threads lose no alert").isEqualTo(2);
        assertThat(out.text()).contains("embedded Kafka, hivemq", "10 per message");
    }
}
