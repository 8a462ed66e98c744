package io.parkwatch.bench.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One step of the run.
 *
 * @param asked           readings/s the step asked for
 * @param offered         readings acknowledged by the broker per second of sending
 * @param sustained       readings in InfluxDB per second, from the step's start to the last one landing
 * @param sent            readings in messages the broker acknowledged
 * @param messages        those messages
 * @param failed          messages the broker refused or that failed (not retried)
 * @param inKafka         distinct readings of the step in the readings topic
 * @param duplicates      further copies of readings in the readings topic
 * @param inInflux        distinct readings of the step in InfluxDB
 * @param lost            sent but not (yet) in InfluxDB when the step's drain ended: behind, or lost
 *                        (the run's totals, after a final drain, tell which)
 * @param alertsExpected  messages with a reading over the gas trigger (one RAISED each)
 * @param alertLatency    publish → RAISED in Kafka, ms: p50, p99, max and how many arrived
 * @param drained         whether everything sent landed within the drain time
 * @param usage           CPU (cores) and peak RSS per process over the step
 * @param budget          CPU by stage over the sending time, cores and µs per reading sustained, with the total
 */
record StepResult(int asked, double offered, double sustained, long sent, long messages, long failed, long inKafka,
                  long duplicates, long inInflux, long lost, long alertsExpected, Latency alertLatency,
                  double sendSeconds, double landedSeconds, boolean drained, Map<String, ProcessStats.Usage> usage,
                  List<StageBudget.Row> budget) {

    /** Latency figures in ms; NaN when no sample arrived. */
    record Latency(long count, double p50, double p99, double max) {
    }

    /** Messages/s the gateway took, for its ratio to the broker alone. */
    double messageRate() {
        return sent == 0 ? 0 : sustained * messages / sent;
    }
}
