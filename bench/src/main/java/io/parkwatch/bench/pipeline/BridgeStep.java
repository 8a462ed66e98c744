package io.parkwatch.bench.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One step of the MQTT → InfluxDB bridge, measured as a pipeline step is.
 *
 * @param asked     readings/s the step asked for
 * @param offered   readings acknowledged by the broker per second of sending
 * @param sustained readings in the bridge's database per second, from the step's start to the last one landing
 * @param sent      readings in messages the broker acknowledged
 * @param inInflux  distinct readings of the step in the bridge's database
 * @param lost      sent but not in InfluxDB when the step's drain ended
 * @param rejected  messages the decoders refused (dropped by the bridge)
 * @param failed    points of writes influxd refused or the bridge gave up on
 * @param drained   whether everything sent landed within the drain time
 * @param usage     CPU (cores) and peak RSS per process over the step
 * @param budget    CPU by stage over the sending time, cores and µs per reading sustained, with the total
 */
record BridgeStep(int asked, double offered, double sustained, long sent, long inInflux, long lost, long rejected,
                  long failed, double sendSeconds, double landedSeconds, boolean drained,
                  Map<String, ProcessStats.Usage> usage, List<StageBudget.Row> budget) {
}
