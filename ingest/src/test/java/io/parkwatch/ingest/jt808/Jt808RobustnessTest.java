package io.parkwatch.ingest.jt808;

import static io.parkwatch.ingest.jt808.Jt808TestFrames.batchBody;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.frame;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.hex;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.locationBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.jt808.Jt808TestFrames.Fix;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The codec's only failure is {@link RejectedInputException}: garbage, truncations and bit
 * flips never escape as another exception (which would fail these tests).
 */
class Jt808RobustnessTest {

    private static final byte[] EXAMPLE = hex(Jt808TestFrames.STANDARD_EXAMPLE);

    private final Random random = new Random(212);

    /** True when the payload decoded to observations, false when it was rejected. */
    private static boolean decodes(byte[] payload) {
        try {
            Jt808Locations.observations(Jt808FrameDecoder.decode(payload));
            return true;
        } catch (RejectedInputException expected) {
            return false;
        }
    }

    @Test
    void everySingleBitFlipOfTheExampleIsRejected() {
        for (int bit = 0; bit < EXAMPLE.length * 8; bit++) {
            byte[] flipped = EXAMPLE.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(decodes(flipped)).as("bit %d flipped", bit).isFalse();
        }
    }

    @Test
    void everyTruncationOfTheExampleIsRejected() {
        for (int length = 0; length < EXAMPLE.length; length++) {
            byte[] cut = Arrays.copyOf(EXAMPLE, length);
            assertThat(decodes(cut)).as("first %d bytes", length).isFalse();
            if (length == EXAMPLE.length - 1) {
                break;
            }
            byte[] closed = Arrays.copyOf(cut, length + 1);
            closed[length] = 0x7E;
            assertThat(decodes(closed)).as("first %d bytes and a flag", length).isFalse();
        }
    }

    @Test
    void everyByteReplacedByAFlagOrEscapeIsRejected() {
        for (int at = 1; at < EXAMPLE.length - 1; at++) {
            for (int value : new int[] {0x7E, 0x7D}) {
                byte[] changed = EXAMPLE.clone();
                changed[at] = (byte) value;
                assertThat(decodes(changed)).as("0x%02X at %d", value, at).isFalse();
            }
        }
    }

    @Test
    void randomBytesOnlyEverReject() {
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            if (bytes.length > 1 && random.nextBoolean()) {
                bytes[0] = 0x7E;
                bytes[bytes.length - 1] = 0x7E;
            }
            decodes(bytes);
        }
    }

    /** A valid check code over random content gets past the framing into the header parser. */
    @Test
    void randomContentWithAValidCheckCodeOnlyEverRejects() {
        for (int i = 0; i < 20_000; i++) {
            byte[] content = new byte[random.nextInt(60)];
            random.nextBytes(content);
            decodes(Jt808TestFrames.wrap(content, null));
        }
    }

    /** A valid header over a random body gets into the location and batch parsers. */
    @Test
    void randomLocationAndBatchBodiesOnlyEverReject() {
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[random.nextInt(120)];
            random.nextBytes(body);
            decodes(frame(random.nextBoolean() ? 0x0200 : 0x0704, body).build());
        }
    }

    /** Valid bodies with a few bytes changed, cut or added reach every branch of the body parsers. */
    @Test
    void mutatedValidBodiesOnlyEverReject() {
        LocalDateTime t = LocalDateTime.of(2026, 11, 23, 15, 59, 0);
        byte[] location = locationBody(new Fix(1, 2, 40_000_000, 116_000_000, 50, 100, 10, t, 5L),
            hex("02 02 0037"), hex("30 01 1F"));
        byte[] batch = batchBody(1, location, location, location);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 50_000; i++) {
            boolean isBatch = random.nextBoolean();
            byte[] body = mutate(isBatch ? batch : location);
            if (decodes(frame(isBatch ? 0x0704 : 0x0200, body).build())) {
                accepted++;
            } else {
                rejected++;
            }
        }
        assertThat(accepted).as("mutations that stayed valid").isPositive();
        assertThat(rejected).as("mutations that were rejected").isPositive();
    }

    private byte[] mutate(byte[] valid) {
        byte[] body = valid.clone();
        for (int changes = random.nextInt(3); changes >= 0; changes--) {
            body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        }
        int length = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(body.length);
            case 1 -> body.length + 1 + random.nextInt(8);
            default -> body.length;
        };
        return Arrays.copyOf(body, length);
    }
}
