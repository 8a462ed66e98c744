package io.parkwatch.ingest.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.TopicAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON answer to a refused payload: {@code {"status":"rejected","reason":…,"detail":…,"point":…}}. */
public final class JsonFeedback {

    private JsonFeedback() {
    }

    public static byte[] rejection(TopicAddress address, RejectedInputException rejected) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "rejected");
        body.put("reason", rejected.reason().name());
        body.put("detail", rejected.detail());
        if (address.point() != null) {
            body.put("point", address.point());
        }
        try {
            return JsonSerde.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A map of strings always serialises; keep a readable answer all the same.
            return ("{\"status\":\"rejected\",\"reason\":\"" + rejected.reason().name() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        }
    }
}
