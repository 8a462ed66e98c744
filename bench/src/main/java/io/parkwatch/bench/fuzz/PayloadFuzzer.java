package io.parkwatch.bench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The run's payloads: {@code perFormat} malformed messages of each format, the same for the same
 * seed (times inside them are the run's start, so that a time is never the only fault).
 */
public final class PayloadFuzzer {

    private PayloadFuzzer() {
    }

    public static List<FuzzCase> generate(FuzzPark park, int perFormat, long seed, long nowMillis) {
        List<FuzzCase> cases = new ArrayList<>(3 * perFormat);
        JsonFuzzer json = new JsonFuzzer(park, nowMillis);
        Hj212Fuzzer hj212 = new Hj212Fuzzer(park, nowMillis);
        Jt808Fuzzer jt808 = new Jt808Fuzzer(park, nowMillis);
        for (FuzzFormat format : FuzzFormat.values()) {
            Random random = new Random(seed * 31 + format.ordinal());
            for (int i = 0; i < perFormat; i++) {
                cases.add(switch (format) {
                    case JSON -> json.next(random);
                    case HJ212 -> hj212.next(random);
                    case JT808 -> jt808.next(random);
                });
            }
        }
        return cases;
    }
}
