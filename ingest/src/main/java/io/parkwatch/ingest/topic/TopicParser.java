package io.parkwatch.ingest.topic;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sender's identity and payload format from the MQTT topic. Only the documented shapes
 * are accepted; anything else is rejected with the shapes in the detail. Runs for every message,
 * so it scans the topic once by hand rather than through a regular expression per segment.
 */
public final class TopicParser {

    private static final int MAX_SEGMENT = 64;
    /** More segments than any accepted shape: enough to tell the shapes (and feedback topics) apart. */
    private static final int MAX_SEGMENTS = 7;
    private static final String SHAPES = "expected parks/{park}/enterprises/{enterprise}/points/{point}, "
        + "parks/{park}/enterprises/{enterprise}/hj212 or parks/{park}/vehicles/{vehicle}/jt808";

    public TopicAddress parse(String topic) throws RejectedInputException {
        List<String> parts = segments(topic);
        int length = parts.size();
        if (length >= 5 && "parks".equals(parts.get(0)) && "feedback".equals(parts.get(4))) {
            return new TopicAddress(parts.get(1), null, null, PayloadKind.FEEDBACK);
        }
        if (length < 4 || !"parks".equals(parts.get(0))) {
            throw unknown(topic);
        }
        String park = checked(parts.get(1), topic);
        if ("enterprises".equals(parts.get(2))) {
            String enterprise = checked(parts.get(3), topic);
            if (length == 6 && "points".equals(parts.get(4))) {
                return new TopicAddress(park, enterprise, checked(parts.get(5), topic), PayloadKind.JSON);
            }
            if (length == 5 && "hj212".equals(parts.get(4))) {
                return new TopicAddress(park, enterprise, null, PayloadKind.HJ212);
            }
        } else if ("vehicles".equals(parts.get(2)) && length == 5 && "jt808".equals(parts.get(4))) {
            return new TopicAddress(park, null, checked(parts.get(3), topic), PayloadKind.JT808);
        }
        throw unknown(topic);
    }

    /** The topic's first {@link #MAX_SEGMENTS} segments; more only matter as "too many". */
    private static List<String> segments(String topic) {
        List<String> parts = new ArrayList<>(MAX_SEGMENTS);
        int start = 0;
        while (parts.size() < MAX_SEGMENTS) {
            int slash = topic.indexOf('/', start);
            if (slash < 0) {
                parts.add(topic.substring(start));
                break;
            }
            parts.add(topic.substring(start, slash));
            start = slash + 1;
        }
        return parts;
    }

    private static String checked(String segment, String topic) throws RejectedInputException {
        if (!valid(segment)) {
            throw new RejectedInputException(RejectReason.UNKNOWN_TOPIC, "topic '" + topic
                + "' has an invalid segment '" + segment + "' (letters, digits, _ . - only, at most 64)");
        }
        return segment;
    }

    /** {@code [A-Za-z0-9_.-]{1,64}}. */
    private static boolean valid(String segment) {
        if (segment.isEmpty() || segment.length() > MAX_SEGMENT) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!allowed(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static RejectedInputException unknown(String topic) {
        return new RejectedInputException(RejectReason.UNKNOWN_TOPIC, "topic '" + topic + "': " + SHAPES);
    }
}
