package io.parkwatch.transport.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the failure of a stream thread. Failures of one record never get here (the error
 * handlers reject and skip the record); what does is a bug or a broker failure, and a fresh thread
 * resumes from committed state. But a failure that repeats would replace threads forever, so past
 * {@code max} replacements within {@code window} the application is shut down, loudly.
 */
final class ThreadReplacements implements StreamsUncaughtExceptionHandler {

    static final int DEFAULT_MAX = 5;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacements.class);

    private final String applicationId;
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    ThreadReplacements(String applicationId, int max, Duration window, Clock clock) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0: " + max);
        }
        this.applicationId = applicationId;
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable error) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            LOG.error("stream thread of {} failed again after {} replacements within {}; shutting the application "
                + "down rather than replacing threads forever", applicationId, recent.size(), window, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        LOG.error("stream thread of {} failed; replacing it ({} of at most {} within {})", applicationId, recent.size(),
            max, window, error);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
