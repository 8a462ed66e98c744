package io.parkwatch.alerts.topology;

import io.parkwatch.alerts.judge.LevelJudge;
import io.parkwatch.alerts.judge.MeanWindows;
import io.parkwatch.alerts.judge.OxygenMemory;
import io.parkwatch.alerts.judge.ReadingJudge;
import io.parkwatch.alerts.lifecycle.AlertLifecycle;
import io.parkwatch.alerts.lifecycle.AlertSubject;
import io.parkwatch.alerts.lifecycle.HeldLevels;
import io.parkwatch.alerts.rule.Direction;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.rule.OxygenReference;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RuleBook;
import io.parkwatch.alerts.state.Assessment;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.alerts.state.StateKeys;
import io.parkwatch.alerts.state.WindowMean;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertIds;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rules.RulePackRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges readings against the active rules and runs each (point, rule)'s alert lifecycle,
 * forwarding its events keyed by alert id. State lives in changelogged stores, so a restarted
 * or moved task resumes its open alerts instead of raising them again.
 */
final class AlertProcessor implements Processor<String, AlertInput, String, AlertEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);
    /** How often, in stream time, waiting {@code for:} levels are checked. */
    private static final Duration HOLD_CHECK = Duration.ofSeconds(1);

    private final AlertsConfig config;
    private final AlertLifecycle lifecycle;
    private final RuleCatalog catalog;
    private ProcessorContext<String, AlertEvent> context;
    private KeyValueStore<String, RuleState> states;
    private MeanWindows windows;
    private OxygenMemory oxygen;
    private RegistryPoints registry;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<RulePackRecord>> packs;
    private HeldLevels held;
    private RuleBook rules;
    /** Set at start: the first reload closes the alerts of rules withdrawn while this task was away. */
    private boolean sweepStates;

    AlertProcessor(AlertsConfig config) {
        this.config = config;
        this.lifecycle = new AlertLifecycle(config.updateEvery());
        this.catalog = new RuleCatalog(config);
    }

    @Override
    public void init(ProcessorContext<String, AlertEvent> processorContext) {
        this.context = processorContext;
        this.states = context.getStateStore(AlertsTopology.STATE_STORE);
        this.windows = new MeanWindows(context.getStateStore(MeanWindows.STORE));
        this.oxygen = new OxygenMemory(context.getStateStore(OxygenMemory.STORE));
        this.registry = new RegistryPoints(context);
        this.packs = context.getStateStore(AlertsTopology.RULES_STORE);
        this.held = new HeldLevels(context.getStateStore(HeldLevels.STORE), lifecycle);
        this.rules = catalog.load(packs);
        this.sweepStates = true;
        context.schedule(config.rulesRefresh(), PunctuationType.WALL_CLOCK_TIME, this::reloadRules);
        // Stream time, not wall clock: pending levels started in event time, so a replay or a
        // backlog confirms them exactly where the data says, never early because the wall clock ran on.
        context.schedule(HOLD_CHECK, PunctuationType.STREAM_TIME, this::confirmHeldLevels);
    }

    /**
     * Reloads the rules; the open alerts of a rule the new book withdrew or changed are CLEARED
     * (nothing would judge them any more, or they were judged against limits no longer in force).
     */
    private void reloadRules(long now) {
        RuleBook next = catalog.load(packs);
        Map<String, String> departed = rules.departures(next);
        boolean permitsChanged = !next.permittedPoints().equals(rules.permittedPoints());
        rules = next;
        if (!departed.isEmpty() || permitsChanged || sweepStates) {
            sweepStates = false;
            closeDeparted(departed, now);
        }
    }

    private void closeDeparted(Map<String, String> departed, long now) {
        List<KeyValue<String, RuleState>> affected = new ArrayList<>();
        try (KeyValueIterator<String, RuleState> all = states.all()) {
            all.forEachRemaining(entry -> {
                String ruleId = StateKeys.ruleOf(entry.key);
                Rule current = rules.rule(ruleId);
                if (departed.containsKey(ruleId) || current == null
                    || rules.yields(current, StateKeys.subjectOf(entry.key)) && !entry.value.idle()) {
                    affected.add(entry);
                }
            });
        }
        for (KeyValue<String, RuleState> entry : affected) {
            String ruleId = StateKeys.ruleOf(entry.key);
            Rule rule = rules.rule(ruleId);
            String why = departed.getOrDefault(ruleId, rule == null ? "rule " + ruleId + " was withdrawn"
                : "rule " + ruleId + " yields to the enterprise's permit at this point");
            AlertSubject subject = subjectOf(ruleId, StateKeys.subjectOf(entry.key));
            AlertLifecycle.Step step = lifecycle.close(entry.value, subject, why, Instant.ofEpochMilli(now));
            apply(subject, entry.value, new AlertLifecycle.Step(rule == null ? RuleState.EMPTY : step.state(),
                step.events()), now);
            if (rule == null || rules.yields(rule, StateKeys.subjectOf(entry.key))) {
                held.forget(entry.key);
            }
        }
        if (!affected.isEmpty()) {
            LOG.info("rules {} withdrawn or changed: {} (point, rule) states closed or reset", departed.keySet(),
                affected.size());
        }
    }

    /** Levels that have held for their {@code for:} duration by stream time {@code now} are confirmed. */
    private void confirmHeldLevels(long now) {
        Instant at = Instant.ofEpochMilli(now);
        for (String key : held.dueBy(now)) {
            RuleState state = states.get(key);
            Rule rule = rules.rule(StateKeys.ruleOf(key));
            if (state == null || rule == null || rules.yields(rule, StateKeys.subjectOf(key))) {
                held.forget(key);
                continue;
            }
            AlertSubject subject = subjectOf(rule.id(), StateKeys.subjectOf(key));
            for (int levels = 0; levels < Severity.values().length; levels++) {
                AlertLifecycle.Step step = lifecycle.elapse(state, subject, at);
                if (step.events().isEmpty()) {
                    break;
                }
                apply(subject, state, step, now);
                state = step.state();
            }
            held.track(key, state, subject.holdFor());
        }
    }

    @Override
    public void process(Record<String, AlertInput> record) {
        AlertInput input = record.value();
        if (input == null) {
            return;
        }
        // Java 17: instanceof patterns over the sealed kinds (switch patterns came in 21).
        if (input instanceof AlertInput.PointReading point) {
            onReading(point.reading(), record.timestamp());
        } else if (input instanceof AlertInput.EnterpriseReading enterprise) {
            onEnterpriseReading(enterprise.reading(), record.timestamp());
        } else if (input instanceof AlertInput.OperatorCommand command) {
            onCommand(command.command(), record.timestamp());
        }
        closeWindows(record.timestamp());
    }

    private void onReading(Reading reading, long timestamp) {
        if (rules.isOxygen(reading.metric())) {
            oxygen.remember(reading);
        }
        PointEntry point = point(reading.pointKey());
        String kind = point == null ? null : point.kind();
        Module module = point == null ? null : point.module();
        long streamTime = context.currentStreamTimeMs();
        for (Rule rule : rules.matching(reading, kind)) {
            Double value = judgedValue(rule, reading);
            if (rule.condition() instanceof LevelCondition level && level.window() != null) {
                if (value != null && !windows.add(rule, level.window(), reading, value, streamTime)) {
                    config.metrics().lateReading(rule.id());
                    LOG.warn("late reading {} of {} {} at {} missed the closed {} window of rule {} (stream time {})",
                        reading.messageId(), reading.pointKey(), reading.metric(), reading.observedAt(),
                        level.window().size(), rule.id(), Instant.ofEpochMilli(streamTime));
                }
                continue;
            }
            judge(AlertSubject.of(rule, reading.park(), reading.enterprise(), reading.pointKey(), module), rule,
                reading, value, timestamp);
        }
    }

    /**
     * A reading for the enterprise-wide rules: one state per (enterprise, rule), fed by all the
     * enterprise's meters, whose order the judge keeps per meter.
     */
    private void onEnterpriseReading(Reading reading, long timestamp) {
        PointEntry point = point(reading.pointKey());
        String kind = point == null ? null : point.kind();
        Module module = point == null ? null : point.module();
        String enterpriseKey = AlertIds.enterpriseSubject(reading.park(), reading.enterprise());
        for (Rule rule : rules.matching(reading, kind, true)) {
            AlertSubject subject = AlertSubject.of(rule, reading.park(), reading.enterprise(), enterpriseKey, module);
            RuleState state = stateOf(subject.stateKey());
            assess(subject, state, ReadingJudge.judge(rule, reading, state, reading.value(), registry::parkZone), reading.observedAt(),
                timestamp);
        }
    }

    private void judge(AlertSubject subject, Rule rule, Reading reading, Double value, long timestamp) {
        RuleState state = stateOf(subject.stateKey());
        if (state.idle() && ReadingJudge.quietlyNormal(rule, reading, value)) {
            // Most readings: nothing open or pending and under every level. The lifecycle would
            // return the idle state unchanged and emit nothing; skip it (and its message text).
            return;
        }
        if (state.lastAssessedAt() != null && reading.observedAt().isBefore(state.lastAssessedAt())) {
            config.metrics().outOfOrder(rule.id());
            LOG.debug("reading {} older than the last judged for {}; skipped", reading.messageId(), subject.stateKey());
            return;
        }
        assess(subject, state, ReadingJudge.judge(rule, reading, state, value, registry::parkZone), reading.observedAt(), timestamp);
    }

    private void assess(AlertSubject subject, RuleState state, ReadingJudge.Judgement judgement, Instant at,
                        long timestamp) {
        if (judgement.assessment() == null) {
            store(subject.stateKey(), state, judgement.state());
            return;
        }
        apply(subject, state, lifecycle.assess(judgement.state(), subject, judgement.assessment(), at), timestamp);
    }

    /** The value a level rule judges: from ppm and to reference O₂ where asked; null when it cannot be. */
    private Double judgedValue(Rule rule, Reading reading) {
        if (!(rule.condition() instanceof LevelCondition level) || reading.value() == null) {
            return reading.value();
        }
        OxygenReference reference = level.oxygen();
        if (reference == null || OxygenReference.alreadyConverted(reading.metric())) {
            return level.judged(reading.value(), reading.unit());
        }
        Double measured = oxygen.near(reading, reference.oxygenMetricFor(reading.metric()), reference.maxAge());
        double converted = measured == null ? Double.NaN
            : reference.convert(level.judged(reading.value(), reading.unit()), measured);
        if (Double.isNaN(converted)) {
            config.metrics().unconverted(rule.id());
            LOG.debug("no usable O2 near {} {} at {}; not judged by {}", reading.pointKey(), reading.metric(),
                reading.observedAt(), rule.id());
            return null;
        }
        return converted;
    }

    private void closeWindows(long timestamp) {
        List<WindowMean> closed = windows.closeUpTo(context.currentStreamTimeMs());
        for (WindowMean window : closed) {
            Rule rule = rules.rule(window.ruleId());
            if (!(rule != null && rule.condition() instanceof LevelCondition level && level.window() != null)
                || rules.yields(rule, window.pointKey())) {
                continue;
            }
            double mean = window.mean(level.window().minValidShare());
            if (Double.isNaN(mean)) {
                LOG.debug("window {} of {} {} has too few normal values ({} of {}); not judged", window.start(),
                    window.pointKey(), window.metric(), window.goodCount(), window.count());
                continue;
            }
            AlertSubject subject = subjectOf(rule.id(), window.pointKey());
            RuleState state = stateOf(subject.stateKey());
            Severity current = state.open() == null ? null : state.open().severity();
            Severity severity = LevelJudge.level(level, mean, current);
            String what = Duration.ofMillis(window.end() - window.start()) + " mean of " + window.metric() + " from "
                + Instant.ofEpochMilli(window.start());
            Assessment assessment = new Assessment(severity, mean,
                ReadingJudge.describe(level, what, mean, level.judgedUnit(window.unit()), severity), window.metric(),
                Assessment.triggers(level));
            apply(subject, state, lifecycle.assess(state, subject, assessment, Instant.ofEpochMilli(window.end())),
                timestamp);
        }
    }

    private void onCommand(AlertCommand command, long timestamp) {
        String stateKey = StateKeys.ofAlert(command.alertId());
        RuleState state = stateKey == null ? null : states.get(stateKey);
        if (state == null) {
            config.metrics().ignoredCommand();
            LOG.info("command for unknown alert {} ignored", command.alertId());
            return;
        }
        AlertSubject subject = subjectOf(StateKeys.ruleOf(stateKey), StateKeys.subjectOf(stateKey));
        AlertLifecycle.Step step = lifecycle.acknowledge(state, subject, command);
        if (step.events().isEmpty()) {
            config.metrics().ignoredCommand();
            LOG.info("acknowledgement of {} ignored: the alert is closed or already acknowledged", command.alertId());
        }
        apply(subject, state, step, timestamp);
    }

    /** The subject of a (point, rule) from its keys: the rule as active now, the module from the registry. */
    private AlertSubject subjectOf(String ruleId, String pointKey) {
        String park = PointKey.parkOf(pointKey);
        String enterprise = PointKey.enterpriseOf(pointKey);
        PointEntry point = point(pointKey);
        Module module = point == null ? null : point.module();
        Rule rule = rules.rule(ruleId);
        return rule != null ? AlertSubject.of(rule, park, enterprise, pointKey, module)
            : new AlertSubject(ruleId, ruleId, park, enterprise, pointKey, Direction.ABOVE, Duration.ZERO, module);
    }

    /** Stores the step's state ({@code before}: the state as stored until now) and forwards its events. */
    private void apply(AlertSubject subject, RuleState before, AlertLifecycle.Step step, long timestamp) {
        store(subject.stateKey(), before, step.state());
        held.track(subject.stateKey(), step.state(), subject.holdFor());
        for (AlertEvent event : step.events()) {
            config.metrics().event(event.type(), event.ruleId());
            context.forward(new Record<>(event.alertId(), event, timestamp));
        }
    }

    /**
     * Idle states are not kept: most readings are normal, and writing each one's (point, rule)
     * to the store and its changelog would cost more than the rest of the topology. The price:
     * event-time ordering is enforced only while an alert is open or pending.
     */
    private void store(String key, RuleState before, RuleState after) {
        // A state is in the store exactly when it is not idle, so {@code before} tells what is there.
        if (!after.idle()) {
            if (!after.equals(before)) {
                states.put(key, after);
            }
        } else if (!before.idle()) {
            states.delete(key);
        }
    }

    private RuleState stateOf(String key) {
        RuleState state = states.get(key);
        return state == null ? RuleState.EMPTY : state;
    }

    private PointEntry point(String pointKey) {
        return registry.point(pointKey);
    }
}
