package io.parkwatch.infra.mqtt.hivemq;

import com.hivemq.persistence.clientqueue.ClientQueueXodusLocalPersistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.EnvironmentConfig;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;

/**
 * Makes the shared-subscription messages that HiveMQ CE's file persistence holds as "in flight" deliverable
 * again, before the broker starts.
 *
 * <p>HiveMQ marks a message of a shared subscription's queue as in flight when it sends it to a member, and
 * clears the mark when that connection closes, so that another delivery follows. A broker killed with
 * SIGKILL never sees its connections close: the marks stay on disk, the restarted broker never sends those
 * messages again, and, worse, it counts them in the queue's size. HiveMQ wakes a member for a new message
 * only when the queue goes from empty to one message; with marked messages that are never sent nor
 * removed, the queue is never empty again and a member that has caught up is never woken: everything
 * published after the crash stays queued while the gateway idles, connected and subscribed. At start no
 * connection exists, so every mark on disk is stale; clearing it is what HiveMQ does when a connection
 * closes. The messages are delivered again (at least once: the gateway may have written them to Kafka
 * before the crash; a duplicate carries its message id).
 *
 * <p>The layout is HiveMQ's {@code client_queue} Xodus store, version
 * {@value ClientQueueXodusLocalPersistence#PERSISTENCE_VERSION}: key = queue id, a shared flag byte and
 * an 8-byte index; value = a 2-byte packet id (0: not in flight; a shared queue's in-flight mark is 1)
 * followed by a type byte whose high bit marks a PUBLISH. {@code StaleSharedDeliveriesTest} pins it.
 */
final class StaleSharedDeliveries {

    private static final String NAME = ClientQueueXodusLocalPersistence.PERSISTENCE_NAME;
    private static final byte PUBLISH_BIT = (byte) 0b1000_0000;
    private static final int INDEX_BYTES = Long.BYTES;

    private StaleSharedDeliveries() {
    }

    /**
     * Clears the in-flight marks of shared-subscription messages under HiveMQ's data folder; returns
     * how many it cleared. Only while the broker is stopped.
     */
    static int release(Path dataFolder) {
        Path store = dataFolder.resolve("persistence").resolve(NAME)
            .resolve(ClientQueueXodusLocalPersistence.PERSISTENCE_VERSION);
        if (!Files.isDirectory(store)) {
            return 0;
        }
        List<Path> buckets;
        try (Stream<Path> files = Files.list(store)) {
            buckets = files.filter(p -> p.getFileName().toString().startsWith(NAME + "_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HiveMQ's queue store " + store, e);
        }
        int released = 0;
        for (Path bucket : buckets) {
            released += releaseBucket(bucket);
        }
        return released;
    }

    private static int releaseBucket(Path bucket) {
        EnvironmentConfig config = new EnvironmentConfig().setGcEnabled(false).setLogDurableWrite(true);
        Environment environment = Environments.newInstance(bucket.toFile(), config);
        try {
            return environment.computeInExclusiveTransaction(txn -> {
                Store store = environment.openStore(NAME, StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn);
                int count = 0;
                try (Cursor cursor = store.openCursor(txn)) {
                    while (cursor.getNext()) {
                        byte[] value = bytes(cursor.getValue());
                        if (isShared(bytes(cursor.getKey())) && isMarkedPublish(value)) {
                            value[0] = 0;
                            value[1] = 0;
                            store.put(txn, cursor.getKey(), new ArrayByteIterable(value));
                            count++;
                        }
                    }
                }
                return count;
            });
        } finally {
            environment.close();
        }
    }

    static boolean isShared(byte[] key) {
        return key.length > INDEX_BYTES && key[key.length - INDEX_BYTES - 1] == 1;
    }

    static boolean isMarkedPublish(byte[] value) {
        return value.length > Short.BYTES && (value[Short.BYTES] & PUBLISH_BIT) != 0
            && (value[0] != 0 || value[1] != 0);
    }

    private static byte[] bytes(ByteIterable iterable) {
        byte[] copy = new byte[iterable.getLength()];
        System.arraycopy(iterable.getBytesUnsafe(), 0, copy, 0, copy.length);
        return copy;
    }
}
