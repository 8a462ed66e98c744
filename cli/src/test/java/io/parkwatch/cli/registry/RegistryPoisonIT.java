package io.parkwatch.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.RegistryRuntime;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * Garbage on the registry topic, before the gateway starts and while it runs: the gateway's
 * directory parks it in the rejected topic and keeps reading, so a point registered after it is
 * known and its reading, published over the real HiveMQ, reaches Kafka.
 */
class RegistryPoisonIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String kafka = SharedServers.kafka().bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String pointId = "poison-" + run;
    private final String pointKey = TestAccounts.PARK + "/" + TestAccounts.ENTERPRISE_1 + "/" + pointId;

    @Test
    void garbageOnTheRegistryIsRejectedAndAPointRegisteredAfterItIsServed() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        byte[] before = ("garbage before " + run).getBytes(StandardCharsets.UTF_8);
        byte[] during = ("{\"point\": garbage during " + run).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                 DurableProducerSettings.of(kafka, "registry-poison-it"), new StringSerializer(),
                 new ByteArraySerializer());
             KafkaConsumer<String, byte[]> readings = fromEnd(Topics.READINGS.name());
             KafkaConsumer<String, byte[]> rejected = fromEnd(Topics.REJECTED.name())) {
            RecordMetadata first = send(producer, "point:" + pointKey, before);
            try (KafkaPointDirectory directory = RegistryRuntime.directory(kafka, null, "registry-poison-" + run,
                     meters);
                 GatewayRuntime gateway = GatewayRuntime.start(kafka, new MqttSubscriptionSettings(
                         SharedServers.mqtt().uri(), TestAccounts.GATEWAY, TestAccounts.password(TestAccounts.GATEWAY),
                         "gateway-poison-" + run, ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 0),
                     directory, meters, Clock.systemUTC())) {
                send(producer, "point:" + pointKey, during);
                send(producer, "park:" + TestAccounts.PARK, registry(RegistryRecord.of(
                    new ParkEntry(TestAccounts.PARK, TestAccounts.PARK))));
                send(producer, "enterprise:" + TestAccounts.PARK + "/" + TestAccounts.ENTERPRISE_1,
                    registry(RegistryRecord.of(new EnterpriseEntry(TestAccounts.PARK, TestAccounts.ENTERPRISE_1,
                        null, null))));
                send(producer, "point:" + pointKey, registry(RegistryRecord.of(new PointEntry(TestAccounts.PARK,
                    TestAccounts.ENTERPRISE_1, pointId, Module.ENERGY, "electricity-meter", Duration.ofMinutes(1),
                    null, null))));
                await().atMost(PATIENCE).until(() -> directory.point(TestAccounts.PARK, TestAccounts.ENTERPRISE_1,
                    pointId).isPresent());
                assertThat(directory.alive()).isTrue();

                publish("{\"metric\":\"active_power\",\"value\":12.5,\"unit\":\"kW\",\"ts\":\""
                    + Instant.now().minusSeconds(1) + "\",\"id\":\"" + run + "\"}");
                List<Reading> landed = new ArrayList<>();
                await().atMost(PATIENCE).untilAsserted(() -> {
                    readings.poll(Duration.ofMillis(200)).forEach(record -> landed.add(Topics.READINGS.valueSerde()
                        .deserializer().deserialize(record.topic(), record.value())));
                    assertThat(landed).anyMatch(reading -> reading.pointKey().equals(pointKey));
                });
            }
            List<Rejection> rejections = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                rejected.poll(Duration.ofMillis(200)).forEach(record -> rejections.add(Topics.REJECTED.valueSerde()
                    .deserializer().deserialize(record.topic(), record.value())));
                assertThat(rejections).anyMatch(rejection -> Arrays.equals(rejection.raw(), before))
                    .anyMatch(rejection -> Arrays.equals(rejection.raw(), during));
            });
            Rejection rejection = rejections.stream().filter(r -> Arrays.equals(r.raw(), before)).findFirst()
                .orElseThrow();
            assertThat(rejection.reason()).isEqualTo(RejectReason.UNREADABLE_RECORD);
            assertThat(rejection.source()).isEqualTo("gateway:" + Topics.REGISTRY.name() + "/" + first.partition()
                + "@" + first.offset());
            assertThat(meters.counter(UnreadableRecords.COUNTER, "topic", Topics.REGISTRY.name(), "consumer", "gateway")
                .count()).isGreaterThanOrEqualTo(2.0);
        }
    }

    private static byte[] registry(RegistryRecord record) {
        return Topics.REGISTRY.valueSerde().serializer().serialize(Topics.REGISTRY.name(), record);
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String key, byte[] value)
            throws Exception {
        return producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), key, value)).get();
    }

    private void publish(String payload) throws Exception {
        String user = TestAccounts.username(TestAccounts.ENTERPRISE_1);
        MqttClient client = new MqttClient(SharedServers.mqtt().uri(), "e1-poison-" + run, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(new String(TestAccounts.password(user)).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("parks/" + TestAccounts.PARK + "/enterprises/" + TestAccounts.ENTERPRISE_1 + "/points/"
            + pointId, message);
        client.disconnect();
        client.close();
    }

    private KafkaConsumer<String, byte[]> fromEnd(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
            new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
