package io.parkwatch.bench.crash;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;

/**
 * Diagnostics of a stopped HiveMQ's file persistence: per queue of {@code client_queue} (a client's, or
 * a shared subscription's), how many messages it holds, how many carry a packet id (in flight to a
 * subscriber), and which of the test's two publishers sent them (enterprise e001 or e002); one line per
 * message above the totals.
 */
final class HiveMqQueueDump {

    private HiveMqQueueDump() {
    }

    static String dump(Path hivemqDir) throws Exception {
        Path root = hivemqDir.resolve("data/persistence/client_queue");
        StringBuilder out = new StringBuilder();
        List<Path> buckets;
        try (Stream<Path> files = Files.walk(root, 2)) {
            buckets = files.filter(p -> p.getFileName().toString().startsWith("client_queue_")).sorted().toList();
        }
        for (Path bucket : buckets) {
            Environment env = Environments.newInstance(new File(bucket.toString()));
            try {
                env.executeInReadonlyTransaction(txn -> {
                    Store store = env.openStore("client_queue", StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn);
                    Map<String, int[]> queues = new TreeMap<>();
                    try (Cursor cursor = store.openCursor(txn)) {
                        while (cursor.getNext()) {
                            byte[] key = bytes(cursor.getKey());
                            byte[] value = bytes(cursor.getValue());
                            int idLength = key.length - 1 - Long.BYTES;
                            String queue = new String(key, 0, idLength, StandardCharsets.UTF_8)
                                + (key[idLength] == 1 ? " (shared)" : "");
                            long index = ByteBuffer.wrap(key, idLength + 1, Long.BYTES).getLong();
                            int packetId = ((value[0] & 0xff) << 8) | (value[1] & 0xff);
                            String text = new String(value, StandardCharsets.ISO_8859_1);
                            int publisher = text.contains("/enterprises/e001/") ? 0 : text.contains("/enterprises/e002/")
                                ? 1 : 2;
                            int[] counts = queues.computeIfAbsent(queue, q -> new int[5]);
                            counts[0]++;
                            counts[1] += packetId != 0 ? 1 : 0;
                            counts[2 + publisher]++;
                            out.append(String.format("  %s index %d packet id %d publisher %d%n", queue, index,
                                packetId, publisher));
                        }
                    }
                    queues.forEach((queue, c) -> out.append(String.format(
                        "%s: %s: %d messages, %d with a packet id; publisher 0: %d, 1: %d, other %d%n",
                        bucket.getFileName(), queue, c[0], c[1], c[2], c[3], c[4])));
                });
            } finally {
                env.close();
            }
        }
        return out.toString();
    }

    private static byte[] bytes(ByteIterable iterable) {
        byte[] all = iterable.getBytesUnsafe();
        return Arrays.copyOf(all, iterable.getLength());
    }
}
