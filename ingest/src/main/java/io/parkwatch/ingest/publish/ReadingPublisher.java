package io.parkwatch.ingest.publish;

import io.parkwatch.contracts.reading.Reading;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Puts readings on the readings topic; completes when every one of them is durably stored. */
public interface ReadingPublisher extends AutoCloseable {

    CompletableFuture<Void> publish(List<Reading> readings);

    @Override
    void close();
}
