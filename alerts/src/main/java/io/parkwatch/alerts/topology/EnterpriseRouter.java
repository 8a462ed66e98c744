package io.parkwatch.alerts.topology;

import io.parkwatch.alerts.rule.RuleBook;
import io.parkwatch.contracts.alert.AlertIds;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rules.RulePackRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Forwards, keyed {@code park/enterprise/*}, the readings that an enterprise-wide rule (a quota
 * with {@code scope: enterprise}) matches, so that one task sums all of an enterprise's meters.
 * Readings no such rule wants are not repartitioned.
 */
final class EnterpriseRouter implements Processor<String, Reading, String, AlertInput> {

    private final AlertsConfig config;
    private final RuleCatalog catalog;
    private ProcessorContext<String, AlertInput> context;
    private RegistryPoints registry;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<RulePackRecord>> packs;
    private RuleBook rules;

    EnterpriseRouter(AlertsConfig config) {
        this.config = config;
        // The alert processor reports on the packs; this second reader stays quiet.
        this.catalog = new RuleCatalog(config, false);
    }

    @Override
    public void init(ProcessorContext<String, AlertInput> processorContext) {
        this.context = processorContext;
        this.registry = new RegistryPoints(context);
        this.packs = context.getStateStore(AlertsTopology.RULES_STORE);
        this.rules = catalog.load(packs);
        context.schedule(config.rulesRefresh(), PunctuationType.WALL_CLOCK_TIME, now -> rules = catalog.load(packs));
    }

    @Override
    public void process(Record<String, Reading> record) {
        Reading reading = record.value();
        if (reading == null || reading.enterprise() == null || !rules.hasPerEnterprise()) {
            return;
        }
        PointEntry point = registry.point(reading.pointKey());
        String kind = point == null ? null : point.kind();
        if (!rules.matching(reading, kind, true).isEmpty()) {
            context.forward(record.withKey(AlertIds.enterpriseSubject(reading.park(), reading.enterprise()))
                .withValue(new AlertInput.EnterpriseReading(reading)));
        }
    }
}
