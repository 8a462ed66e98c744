package io.parkwatch.infra.mqtt.hivemq;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.parkwatch.infra.mqtt.MqttAccessPolicy;
import io.parkwatch.infra.mqtt.MqttGrant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded extension that puts HiveMQ under the access policy. HiveMQ starts extensions
 * before its listeners accept connections, so no client ever meets the embedded broker's default
 * "allow all".
 */
final class PolicyExtension implements ExtensionMain {

    private final PolicyAuthenticator authenticator;
    private final PolicyAuthorizer authorizer;

    PolicyExtension(MqttAccessPolicy policy) {
        Map<String, MqttGrant> grants = new ConcurrentHashMap<>();
        this.authenticator = new PolicyAuthenticator(policy, grants);
        this.authorizer = new PolicyAuthorizer(grants);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        // Both are stateless apart from the concurrent grant map, so one instance serves all clients.
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
        Services.initializerRegistry().setClientInitializer(
            (initializerInput, clientContext) -> clientContext.addPublishInboundInterceptor(authorizer));
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // Nothing to release: the providers go away with the broker.
    }
}
