package io.parkwatch.infra.mqtt;

/**
 * Where the brokers legitimately differ, stated precisely so the shared contract can assert it.
 *
 * @param badCredentialsV5     CONNACK reason code for a wrong password, MQTT 5
 * @param badCredentialsV3     CONNACK return code for a wrong password, MQTT 3.1.1
 * @param deniedPublishV3      what an MQTT 3.1.1 client sees after a PUBLISH it may not make
 * @param deniedSubscription   SUBACK reason code for a filter outside the grant, MQTT 5; 1
 *                             (granted QoS 1) when the broker accepts it and filters per message
 * @param deniedSubscriptionV3 the same for MQTT 3.1.1 (0x80 = failure)
 */
public record BrokerBehaviour(int badCredentialsV5, int badCredentialsV3, DeniedPublishV3 deniedPublishV3,
                              int deniedSubscription, int deniedSubscriptionV3) {

    /** MQTT 3.1.1 has no negative PUBACK, so a broker either drops the connection or the message. */
    public enum DeniedPublishV3 {
        /** The connection is closed; the client's publish token fails with "connection lost". */
        DISCONNECTED,
        /** PUBACK as if accepted, then the message is discarded. */
        ACKED_AND_DROPPED
    }
}
