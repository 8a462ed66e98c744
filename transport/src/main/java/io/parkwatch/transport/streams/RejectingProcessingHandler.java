package io.parkwatch.transport.streams;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws goes to the rejected topic as {@code UNREADABLE_RECORD} with
 * the raw bytes of the input record that caused it, and processing goes on: failing the thread
 * instead would read the same record again from the committed offset, forever. A failure tied to
 * no input record (a punctuation) fails the thread, which {@link StreamsApp} replaces a bounded
 * number of times.
 */
public final class RejectingProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectingProcessingHandler.class);

    private StreamsRejections rejections;

    @Override
    public void configure(Map<String, ?> configs) {
        rejections = StreamsRejections.of(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null) {
            LOG.error("processor {} failed outside any input record", context.processorNodeId(), exception);
            return Response.fail();
        }
        return Response.resume(rejections.reject(context, context.sourceRawKey(), context.sourceRawValue(),
            exception));
    }
}
