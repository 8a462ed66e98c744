package io.parkwatch.ingest.jt808.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has sent nothing for the idle timeout (three heartbeat intervals): a
 * terminal that is gone, or a half-open connection, holds no slot for ever. Netty's own idle
 * handler reads the system's nanosecond clock; this one reads the listener's {@link Clock}, so a
 * test can move time. One timer per connection, re-armed for the time left after each check.
 */
final class SilenceTimeout extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SilenceTimeout.class);

    private final Clock clock;
    private final long timeoutMillis;
    private final Jt808ListenerMetrics metrics;
    private long lastReadMillis;
    private ScheduledFuture<?> timer;

    SilenceTimeout(Clock clock, Duration timeout, Jt808ListenerMetrics metrics) {
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (timer == null) {
            lastReadMillis = clock.millis();
            arm(ctx, timeoutMillis);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        lastReadMillis = clock.millis();
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timer != null) {
            timer.cancel(false);
        }
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx, long delayMillis) {
        timer = ctx.executor().schedule(() -> check(ctx), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isOpen()) {
            return;
        }
        long silent = clock.millis() - lastReadMillis;
        if (silent < timeoutMillis) {
            arm(ctx, timeoutMillis - silent);
            return;
        }
        metrics.closed(Jt808ListenerMetrics.CLOSE_IDLE);
        LOG.info("JT/T 808 connection {} silent for {} ms; closing it", ctx.channel().remoteAddress(), silent);
        ctx.close();
    }
}
