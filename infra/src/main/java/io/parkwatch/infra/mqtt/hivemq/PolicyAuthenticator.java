package io.parkwatch.infra.mqtt.hivemq;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.parkwatch.infra.mqtt.MqttAccessPolicy;
import io.parkwatch.infra.mqtt.MqttGrant;
import io.parkwatch.infra.tls.Pem;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Checks CONNECT credentials against the policy. A refused client gets CONNACK "bad user name or
 * password" (MQTT 5 reason 0x86, MQTT 3.1.1 return code 4) and is disconnected.
 *
 * <p>On the TLS listener with a client CA, a client certificate is a login of its own: the TLS
 * handshake already proved it was issued by that CA (one of another CA never gets here), and its
 * common name is the login, e.g. {@code xilinhot.e001}, with exactly that login's grant. A password is
 * then not needed; a username, if sent, must be that same login, so that a client is never one login
 * by certificate and another by name.
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
        Optional<X509Certificate> certificate = input.getConnectionInformation().getClientTlsInformation()
            .flatMap(ClientTlsInformation::getClientCertificate);
        if (certificate.isPresent()) {
            onCertificate(input, output, certificate.get(), connect.getUserName());
            return;
        }
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
        succeed(input, output, username.get(), grant.get());
    }

    private void onCertificate(SimpleAuthInput input, SimpleAuthOutput output, X509Certificate certificate,
                               Optional<String> username) {
        String login;
        try {
            login = Pem.commonName(certificate);
        } catch (IllegalArgumentException e) {
            login = "";
        }
        if (username.isPresent() && !username.get().equals(login)) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                "username does not match the client certificate");
            return;
        }
        Optional<MqttGrant> grant = policy.certificateLogin(login);
        if (grant.isEmpty()) {
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "the client certificate names no login");
            return;
        }
        succeed(input, output, login, grant.get());
    }

    private void succeed(SimpleAuthInput input, SimpleAuthOutput output, String login, MqttGrant grant) {
        grants.put(login, grant);
        input.getConnectionInformation().getConnectionAttributeStore().putAsString(USERNAME_ATTRIBUTE, login);
        output.authenticateSuccessfully();
    }
}
