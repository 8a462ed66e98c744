package io.parkwatch.infra.kafka;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims a Kafka data directory for one embedded broker before Kafka sees it.
 *
 * <p>Kafka's own locks come too late or too hard: a second broker on a directory in use either
 * writes to the first one's metadata log before its broker part finds the lock, or (with a
 * separate metadata directory) reports the lock as a fatal fault that exits the JVM. Here the
 * second start fails with a plain exception and the first broker is untouched.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = ".parkwatch-kafka.lock";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirLock.class);

    // Checked before opening the lock file: on Linux, closing any channel of a file drops every
    // lock this process holds on it, so a second channel must never be opened in this JVM.
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the existing directory {@code dataDir} or fails naming it. */
    static DataDirLock acquire(Path dataDir) {
        Path dir;
        try {
            dir = dataDir.toRealPath();
        } catch (IOException e) {
            throw new KafkaStartException("Cannot resolve Kafka data directory " + dataDir + ": " + e, e);
        }
        if (!HELD.add(dir)) {
            throw inUse(dir, "this process");
        }
        try {
            FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(dir, "another process");
            }
            return new DataDirLock(dir, channel, lock);
        } catch (IOException e) {
            HELD.remove(dir);
            throw new KafkaStartException("Cannot lock Kafka data directory " + dir + ": " + e, e);
        } catch (RuntimeException e) {
            HELD.remove(dir);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("Releasing the lock on Kafka data directory {} failed", dir, e);
        } finally {
            HELD.remove(dir);
        }
    }

    private static KafkaStartException inUse(Path dir, String holder) {
        return new KafkaStartException("Kafka data directory " + dir + " is in use by another embedded"
            + " Kafka broker in " + holder + "; stop it or choose another directory.");
    }
}
