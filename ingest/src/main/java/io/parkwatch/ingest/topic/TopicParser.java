package io.parkwatch.ingest.topic;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.gateway.RejectedInputException;
import java.util.regex.Pattern;

/**
 * Reads a sender's identity and payload format from the MQTT topic. Only the documented shapes
 * are accepted; anything else is rejected with the shapes in the detail.
 */
public final class TopicParser {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String SHAPES = "expected parks/{park}/enterprises/{enterprise}/points/{point}, "
        + "parks/{park}/enterprises/{enterprise}/hj212 or parks/{park}/vehicles/{vehicle}/jt808";

    public TopicAddress parse(String topic) throws RejectedInputException {
        String[] parts = topic.split("/", -1);
        if (parts.length >= 5 && "parks".equals(parts[0]) && "feedback".equals(parts[4])) {
            return new TopicAddress(parts[1], null, null, PayloadKind.FEEDBACK);
        }
        if (parts.length < 4 || !"parks".equals(parts[0])) {
            throw unknown(topic);
        }
        String park = checked(parts[1], topic);
        if ("enterprises".equals(parts[2])) {
            String enterprise = checked(parts[3], topic);
            if (parts.length == 6 && "points".equals(parts[4])) {
                return new TopicAddress(park, enterprise, checked(parts[5], topic), PayloadKind.JSON);
            }
            if (parts.length == 5 && "hj212".equals(parts[4])) {
                return new TopicAddress(park, enterprise, null, PayloadKind.HJ212);
            }
        } else if ("vehicles".equals(parts[2]) && parts.length == 5 && "jt808".equals(parts[4])) {
            return new TopicAddress(park, null, checked(parts[3], topic), PayloadKind.JT808);
        }
        throw unknown(topic);
    }

    private static String checked(String segment, String topic) throws RejectedInputException {
        if (!SEGMENT.matcher(segment).matches()) {
            throw new RejectedInputException(RejectReason.UNKNOWN_TOPIC, "topic '" + topic
                + "' has an invalid segment '" + segment + "' (letters, digits, _ . - only, at most 64)");
        }
        return segment;
    }

    private static RejectedInputException unknown(String topic) {
        return new RejectedInputException(RejectReason.UNKNOWN_TOPIC, "topic '" + topic + "': " + SHAPES);
    }
}
