package io.parkwatch.cli.pipeline;

import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.testkit.SharedServers;

/** The end-to-end path through the embedded HiveMQ broker, the zero-install default. */
class PipelineOnHiveMqIT extends PipelineContract {

    PipelineOnHiveMqIT() {
        super("hivemq");
    }

    @Override
    MqttBroker broker() {
        return SharedServers.mqtt();
    }
}
