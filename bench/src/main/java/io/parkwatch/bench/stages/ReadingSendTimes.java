package io.parkwatch.bench.stages;

import io.parkwatch.contracts.json.IsoInstantDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads only the {@code observedAt} of a measured reading (message id {@code run-…}) from its
 * contract JSON, null for any other. The probe sees every reading of the run: decoding each
 * whole cost more CPU than the alerts application spends on it, on the machine it measures.
 */
final class ReadingSendTimes implements Deserializer<Instant> {

    private static final byte[] MEASURED = "\"messageId\":\"run-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OBSERVED = "\"observedAt\":\"".getBytes(StandardCharsets.US_ASCII);

    @Override
    public Instant deserialize(String topic, byte[] data) {
        if (data == null || indexOf(data, MEASURED, 0) < 0) {
            return null;
        }
        int start = indexOf(data, OBSERVED, 0);
        if (start < 0) {
            return null;
        }
        start += OBSERVED.length;
        int end = start;
        while (end < data.length && data[end] != '"') {
            end++;
        }
        String text = new String(data, start, end - start, StandardCharsets.US_ASCII);
        // The contract writes UTC with a Z: the contracts' fast reader; anything else as ISO-8601.
        Instant sent = IsoInstantDeserializer.parse(text);
        return sent != null ? sent : Instant.parse(text);
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        for (int i = from; i <= data.length - part.length; i++) {
            if (startsAt(data, part, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsAt(byte[] data, byte[] part, int at) {
        for (int j = 0; j < part.length; j++) {
            if (data[at + j] != part[j]) {
                return false;
            }
        }
        return true;
    }
}
