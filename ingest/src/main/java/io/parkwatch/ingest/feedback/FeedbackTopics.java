package io.parkwatch.ingest.feedback;

import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;

/** Where a sender reads its answers: {@code parks/{p}/enterprises/{e}/feedback} or {@code parks/{p}/vehicles/{v}/feedback}. */
public final class FeedbackTopics {

    private FeedbackTopics() {
    }

    public static String of(TopicAddress address) {
        return address.kind() == PayloadKind.JT808
            ? "parks/" + address.park() + "/vehicles/" + address.point() + "/feedback"
            : "parks/" + address.park() + "/enterprises/" + address.enterprise() + "/feedback";
    }
}
