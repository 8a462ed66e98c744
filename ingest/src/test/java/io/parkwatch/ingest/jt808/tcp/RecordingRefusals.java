package io.parkwatch.ingest.jt808.tcp;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.SessionRefusals;
import io.parkwatch.ingest.format.TopicAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Refusals recorded as the rejected topic would get them, each stored when the test says (or at once). */
final class RecordingRefusals implements SessionRefusals {

    record Refusal(String source, TopicAddress address, byte[] payload, RejectReason reason, String detail,
                   CompletableFuture<SessionAnswer> answer) {

        void store() {
            answer.complete(new SessionAnswer(Outcome.REJECTED, Optional.empty()));
        }
    }

    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final boolean storeAtOnce;

    RecordingRefusals(boolean storeAtOnce) {
        this.storeAtOnce = storeAtOnce;
    }

    @Override
    public CompletableFuture<SessionAnswer> refuse(String source, TopicAddress address, byte[] payload,
                                                   RejectedInputException refused) {
        Refusal refusal = new Refusal(source, address, payload.clone(), refused.reason(), refused.detail(),
            new CompletableFuture<>());
        refusals.add(refusal);
        if (storeAtOnce) {
            refusal.store();
        }
        return refusal.answer();
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
