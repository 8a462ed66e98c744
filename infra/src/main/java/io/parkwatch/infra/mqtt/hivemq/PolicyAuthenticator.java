package io.parkwatch.infra.mqtt.hivemq;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.parkwatch.infra.mqtt.MqttAccessPolicy;
import io.parkwatch.infra.mqtt.MqttGrant;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Checks CONNECT credentials against the policy. A refused client gets CONNACK "bad user name or
 * password" (MQTT 5 reason 0x86, MQTT 3.1.1 return code 4) and is disconnected.
 */
final class PolicyAuthenticator implements SimpleAuthenticator {

    /** Connection attribute holding the authenticated username, read by the authorizers. */
    static final String USERNAME_ATTRIBUTE = "io.parkwatch.mqtt.username";

    private final MqttAccessPolicy policy;
    private final Map<String, MqttGrant> grants;

    PolicyAuthenticator(MqttAccessPolicy policy, Map<String, MqttGrant> grants) {
        this.policy = policy;
        this.grants = grants;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        Optional<String> username = connect.getUserName();
        Optional<ByteBuffer> password = connect.getPassword();
        if (username.isEmpty() || password.isEmpty()) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "username and password required");
            return;
        }
        ByteBuffer buffer = password.get().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Optional<MqttGrant> grant;
        try {
            grant = policy.authenticate(username.get(), bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (grant.isEmpty()) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad username or password");
            return;
        }
        grants.put(username.get(), grant.get());
        input.getConnectionInformation().getConnectionAttributeStore()
            .putAsString(USERNAME_ATTRIBUTE, username.get());
        output.authenticateSuccessfully();
    }
}
