package io.parkwatch.cli.pipeline;

import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.testkit.SharedServers;

/** The same end-to-end path through Mosquitto, the production-like broker (password file + ACL). */
class PipelineOnMosquittoIT extends PipelineContract {

    PipelineOnMosquittoIT() {
        super("mosquitto");
    }

    @Override
    MqttBroker broker() {
        return SharedServers.mosquitto();
    }
}
