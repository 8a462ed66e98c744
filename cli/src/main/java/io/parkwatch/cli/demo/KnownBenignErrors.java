package io.parkwatch.cli.demo;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Keeps library errors known to be harmless off the demo's terminal (the log file still has
 * them): a person watching the demo should see a problem only when there is one.
 *
 * <ul>
 *   <li>{@code OutOfOrderSequenceException} right after start: the idempotent and transactional
 *   producers of the gateway and of the exactly-once streams applications meet a broker whose
 *   producer state is still loading (KAFKA-18202). Kafka logs it at ERROR and treats it as
 *   retriable since 3.x: the producer bumps its epoch and resends, nothing is lost or doubled, and
 *   a stream thread that failed on it is replaced and resumes from its committed state.</li>
 * </ul>
 */
public final class KnownBenignErrors extends Filter<ILoggingEvent> {

    private static final List<String> BENIGN = List.of("OutOfOrderSequenceException");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (mentions(event.getFormattedMessage())) {
            return FilterReply.DENY;
        }
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (mentions(cause.getClassName()) || mentions(cause.getMessage())) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean mentions(String text) {
        return text != null && BENIGN.stream().anyMatch(text::contains);
    }
}
