package io.parkwatch.infra.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsLockedOnceUntilReleased() {
        DataDirLock first = DataDirLock.acquire(dir);
        assertThatThrownBy(() -> DataDirLock.acquire(dir))
            .isInstanceOf(KafkaStartException.class)
            .hasMessageContaining("in use")
            .hasMessageContaining(dir.getFileName().toString());
        first.close();
        assertThatCode(() -> DataDirLock.acquire(dir).close()).doesNotThrowAnyException();
    }

    @Test
    void aMissingDirectoryCannotBeLocked() {
        assertThatThrownBy(() -> DataDirLock.acquire(dir.resolve("absent")))
            .isInstanceOf(KafkaStartException.class)
            .hasMessageContaining("absent");
    }
}
