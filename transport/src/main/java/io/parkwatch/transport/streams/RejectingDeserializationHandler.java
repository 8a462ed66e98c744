package io.parkwatch.transport.streams;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record a topology's serde cannot read goes to the rejected topic as
 * {@code UNREADABLE_RECORD} ({@code applicationId:topic/partition@offset}, raw bytes, the error),
 * and processing goes on with the next record.
 */
public final class RejectingDeserializationHandler implements DeserializationExceptionHandler {

    private StreamsRejections rejections;

    @Override
    public void configure(Map<String, ?> configs) {
        rejections = StreamsRejections.of(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        return Response.resume(rejections.reject(context, record.key(), record.value(), exception));
    }
}
