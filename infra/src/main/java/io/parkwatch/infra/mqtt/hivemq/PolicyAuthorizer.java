package io.parkwatch.infra.mqtt.hivemq;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.parkwatch.infra.mqtt.MqttGrant;
import java.util.Map;
import java.util.Optional;

/**
 * Enforces the grant of the connection's user on every PUBLISH and SUBSCRIBE.
 *
 * <p>PUBLISH: HiveMQ CE answers a failed {@link PublishAuthorizer} with PUBACK 0x87 and then
 * closes the connection, even for MQTT 5. So that an MQTT 5 client that sent one bad topic keeps
 * its connection (as with Mosquitto), the inbound interceptor, which HiveMQ runs before the
 * authorizer, already refuses an MQTT 5 client's denied PUBLISH with PUBACK 0x87 NOT_AUTHORIZED.
 * MQTT 3.1.1 has no negative PUBACK; its denied PUBLISH reaches the authorizer, which makes
 * HiveMQ close the connection: explicit to the client, never a silent drop. The authorizer also
 * stays the single rule for every PUBLISH, wills included.
 *
 * <p>SUBSCRIBE: a filter outside the grant (with its {@code $share/group/} prefix, which HiveMQ
 * passes on) gets SUBACK 0x87 (MQTT 5) or 0x80 (MQTT 3.1.1); the connection stays.
 */
final class PolicyAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer, PublishInboundInterceptor {

    private final Map<String, MqttGrant> grants;

    PolicyAuthorizer(Map<String, MqttGrant> grants) {
        this.grants = grants;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        ConnectionInformation connection = input.getConnectionInformation();
        String topic = input.getPublishPacket().getTopic();
        if (connection.getMqttVersion() == MqttVersion.V_5 && !mayPublish(connection, topic)) {
            output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, "not authorized to publish to " + topic);
        }
    }

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        String topic = input.getPublishPacket().getTopic();
        if (mayPublish(input.getConnectionInformation(), topic)) {
            output.authorizeSuccessfully();
        } else {
            output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not authorized to publish to " + topic);
        }
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        String filter = input.getSubscription().getTopicFilter();
        if (grantOf(input.getConnectionInformation()).map(g -> g.maySubscribe(filter)).orElse(false)) {
            output.authorizeSuccessfully();
        } else {
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not authorized to subscribe to " + filter);
        }
    }

    private boolean mayPublish(ConnectionInformation connection, String topic) {
        return grantOf(connection).map(g -> g.mayPublish(topic)).orElse(false);
    }

    private Optional<MqttGrant> grantOf(ConnectionInformation connection) {
        return connection.getConnectionAttributeStore()
            .getAsString(PolicyAuthenticator.USERNAME_ATTRIBUTE)
            .map(grants::get);
    }
}
