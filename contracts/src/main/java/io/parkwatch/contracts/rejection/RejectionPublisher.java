package io.parkwatch.contracts.rejection;

import java.util.concurrent.CompletableFuture;

/** Puts a refused input on the rejected topic; completes when it is durably stored. */
public interface RejectionPublisher extends AutoCloseable {

    CompletableFuture<Void> publish(Rejection rejection);

    @Override
    void close();
}
