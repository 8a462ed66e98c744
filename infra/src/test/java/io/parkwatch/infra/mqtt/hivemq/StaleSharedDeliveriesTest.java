package io.parkwatch.infra.mqtt.hivemq;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.persistence.clientqueue.ClientQueuePersistenceImpl;
import com.hivemq.persistence.clientqueue.ClientQueueXodusLocalPersistence;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleSharedDeliveriesTest {

    private static final String NAME = ClientQueueXodusLocalPersistence.PERSISTENCE_NAME;

    @TempDir
    Path data;

    @Test
    void clearsTheInFlightMarkOfSharedPublishesOnlyAndKeepsTheRestOfEachEntry() {
        Path bucket = data.resolve("persistence").resolve(NAME)
            .resolve(ClientQueueXodusLocalPersistence.PERSISTENCE_VERSION).resolve(NAME + "_3");
        int marker = ClientQueuePersistenceImpl.SHARED_IN_FLIGHT_MARKER;
        Map<String, byte[]> written = new HashMap<>();
        written.put("shared-marked", publish(marker));
        written.put("shared-free", publish(0));
        written.put("client-marked", publish(7));
        written.put("shared-pubrel", pubrel(9));
        write(bucket, Map.of(
            key("parkwatch-gateway/parks/#", true, 10), written.get("shared-marked"),
            key("parkwatch-gateway/parks/#", true, 11), written.get("shared-free"),
            key("gateway-1", false, 12), written.get("client-marked"),
            key("parkwatch-gateway/parks/#", true, 13), written.get("shared-pubrel")));

        assertThat(StaleSharedDeliveries.release(data)).isEqualTo(1);

        Map<Long, byte[]> after = read(bucket);
        byte[] released = written.get("shared-marked").clone();
        released[0] = 0;
        released[1] = 0;
        assertThat(after.get(10L)).as("the shared publish in flight, now deliverable").isEqualTo(released);
        assertThat(after.get(11L)).isEqualTo(written.get("shared-free"));
        assertThat(after.get(12L)).as("a client's own queue: HiveMQ resends those at reconnect")
            .isEqualTo(written.get("client-marked"));
        assertThat(after.get(13L)).isEqualTo(written.get("shared-pubrel"));
        assertThat(StaleSharedDeliveries.release(data)).as("nothing left to release").isZero();
    }

    @Test
    void aFreshDataFolderHasNothingToRelease() throws Exception {
        assertThat(StaleSharedDeliveries.release(Files.createDirectories(data.resolve("empty")))).isZero();
    }

    private static byte[] key(String queue, boolean shared, long index) {
        byte[] id = queue.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(id.length + 1 + Long.BYTES).put(id).put((byte) (shared ? 1 : 0)).putLong(index)
            .array();
    }

    /** HiveMQ's layout: packet id, then the type byte (PUBLISH bit, QoS 1), then the rest of the message. */
    private static byte[] publish(int packetId) {
        return new byte[] {(byte) (packetId >> 8), (byte) packetId, (byte) 0b1000_0001, 0, 0, 3, 'a', '/', 'b'};
    }

    private static byte[] pubrel(int packetId) {
        return new byte[] {(byte) (packetId >> 8), (byte) packetId, (byte) 0b0100_0000};
    }

    private static void write(Path bucket, Map<byte[], byte[]> entries) {
        Environment environment = Environments.newInstance(bucket.toFile());
        try {
            environment.executeInTransaction(txn -> {
                Store store = environment.openStore(NAME, StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn);
                entries.forEach((k, v) -> store.put(txn, new ArrayByteIterable(k), new ArrayByteIterable(v)));
            });
        } finally {
            environment.close();
        }
    }

    private static Map<Long, byte[]> read(Path bucket) {
        Environment environment = Environments.newInstance(bucket.toFile());
        try {
            return environment.computeInReadonlyTransaction(txn -> {
                Store store = environment.openStore(NAME, StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn);
                Map<Long, byte[]> values = new HashMap<>();
                try (Cursor cursor = store.openCursor(txn)) {
                    while (cursor.getNext()) {
                        byte[] k = cursor.getKey().getBytesUnsafe();
                        long index = ByteBuffer.wrap(k, cursor.getKey().getLength() - Long.BYTES, Long.BYTES).getLong();
                        byte[] v = new byte[cursor.getValue().getLength()];
                        System.arraycopy(cursor.getValue().getBytesUnsafe(), 0, v, 0, v.length);
                        values.put(index, v);
                    }
                }
                return values;
            });
        } finally {
            environment.close();
        }
    }
}
