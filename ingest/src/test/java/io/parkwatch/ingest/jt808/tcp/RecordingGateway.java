package io.parkwatch.ingest.jt808.tcp;

import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.format.TopicAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway that records what it is handed and completes each call when the test says so. */
final class RecordingGateway implements SessionGateway {

    record Call(TopicAddress address, byte[] payload, CompletableFuture<SessionAnswer> answer) {

        void publish() {
            answer.complete(new SessionAnswer(Outcome.PUBLISHED, Optional.empty()));
        }

        void reject() {
            answer.complete(new SessionAnswer(Outcome.REJECTED, Optional.of("a JSON refusal".getBytes())));
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final boolean publishAtOnce;

    RecordingGateway(boolean publishAtOnce) {
        this.publishAtOnce = publishAtOnce;
    }

    @Override
    public CompletableFuture<SessionAnswer> handle(TopicAddress address, byte[] payload) {
        Call call = new Call(address, payload.clone(), new CompletableFuture<>());
        calls.add(call);
        if (publishAtOnce) {
            call.publish();
        }
        return call.answer();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }
}
