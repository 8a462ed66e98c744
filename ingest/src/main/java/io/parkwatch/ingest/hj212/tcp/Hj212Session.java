package io.parkwatch.ingest.hj212.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.format.SessionRefusals;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.hj212.Hj212Packet;
import io.parkwatch.ingest.hj212.Hj212PacketParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data logger's connection. Each packet is authenticated by its MN (a registered point's
 * {@code mn}) and PW (the password issued to that MN), then handed to the gateway's chain; what
 * fails is refused through the same rejected topic. Answers go back in the order the packets
 * came, each only once its readings or its rejection are in Kafka. At most {@code maxInFlight}
 * packets await their answer: beyond that the connection is not read (TCP then slows the logger).
 * All state is touched on the connection's event loop only.
 */
final class Hj212Session extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212Session.class);

    private final Hj212TcpSettings settings;
    private final Hj212Passwords passwords;
    private final PointDirectory directory;
    private final SessionGateway gateway;
    private final SessionRefusals refusals;
    private final Hj212TcpMetrics metrics;
    private final Deque<CompletableFuture<SessionAnswer>> answers = new ArrayDeque<>();
    private String source = "tcp:hj212";
    private int failedLogins;
    /** Set once the connection is to be closed: nothing more is read, and it closes when the last answer is out. */
    private Hj212TcpMetrics.Closed closing;

    Hj212Session(Hj212TcpSettings settings, Hj212Passwords passwords, PointDirectory directory, SessionGateway gateway,
                 SessionRefusals refusals, Hj212TcpMetrics metrics) {
        this.settings = settings;
        this.passwords = passwords;
        this.directory = directory;
        this.gateway = gateway;
        this.refusals = refusals;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        source = "tcp:hj212 from " + ctx.channel().remoteAddress();
        metrics.opened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        metrics.disconnected();
        // Packets still unanswered are not acknowledged to the logger, which sends them again.
        answers.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof Hj212StreamEvent.Packet packet) {
            metrics.packet();
            if (closing == null) {
                await(ctx, take(packet.raw()));
            }
        } else if (message instanceof Hj212StreamEvent.Skipped skipped) {
            metrics.skipped(skipped.bytes());
            LOG.debug("{}: skipped {} bytes between packets", source, skipped.bytes());
        } else if (message instanceof Hj212StreamEvent.Overlong overlong) {
            await(ctx, refusals.refuse(source, sender(null), overlong.head(), new RejectedInputException(
                RejectReason.HJ212_BAD_LENGTH, "length field " + overlong.declared() + " exceeds the standard's "
                + Hj212PacketParser.MAX_DATA_SEGMENT + " characters; the connection is closed")));
            close(ctx, Hj212TcpMetrics.Closed.OVERLONG);
        } else if (message instanceof Hj212StreamEvent.Flooded flooded) {
            LOG.warn("{}: {} bytes without a packet; closing the connection", source, flooded.bytes());
            close(ctx, Hj212TcpMetrics.Closed.SKIPPED_BYTES);
        }
    }

    /** Authenticates the packet's MN and PW, then hands it to the chain; refuses it otherwise. */
    private CompletableFuture<SessionAnswer> take(byte[] raw) {
        Hj212Packet packet;
        try {
            packet = Hj212PacketParser.parse(raw);
        } catch (RejectedInputException unreadable) {
            // No identity can be trusted from a packet that does not check: refused as it is.
            return refusals.refuse(source, sender(null), raw, unreadable);
        }
        List<PointEntry> points = directory.pointsByMn(packet.mn());
        if (points.size() != 1) {
            return failedLogin(raw, sender(null), new RejectedInputException(RejectReason.HJ212_UNKNOWN_MN, points.isEmpty()
                ? "MN " + packet.mn() + " is not the mn of any registered point"
                : "MN " + packet.mn() + " is registered in several parks (" + points.stream().map(PointEntry::park)
                    .sorted().collect(Collectors.joining(", ")) + "); a logger on TCP must have an MN of its own"));
        }
        TopicAddress address = sender(points.get(0));
        Hj212Passwords.Verdict verdict = passwords.verify(packet.mn(), packet.pw());
        if (verdict != Hj212Passwords.Verdict.MATCH) {
            return failedLogin(raw, address, new RejectedInputException(RejectReason.HJ212_BAD_PASSWORD,
                verdict == Hj212Passwords.Verdict.NONE_ISSUED
                    ? "no password is issued to MN " + packet.mn() + " (hj212." + packet.mn() + " in the credentials file)"
                    : packet.pw() == null ? "the packet of MN " + packet.mn() + " has no PW"
                    : "PW is not the password issued to MN " + packet.mn()));
        }
        failedLogins = 0;
        return gateway.handle(address, raw);
    }

    private CompletableFuture<SessionAnswer> failedLogin(byte[] raw, TopicAddress address, RejectedInputException why) {
        metrics.failedLogin();
        failedLogins++;
        if (failedLogins >= settings.maxFailedLogins()) {
            LOG.warn("{}: {} consecutive failed logins ({}); closing the connection", source, failedLogins, why.detail());
            closing = Hj212TcpMetrics.Closed.FAILED_LOGINS;
            metrics.closed(closing);
        }
        return refusals.refuse(source, address, raw, why);
    }

    /** The claimed sender: its registered point's park and enterprise, when known. */
    private static TopicAddress sender(PointEntry point) {
        return point == null ? new TopicAddress(null, null, null, PayloadKind.HJ212)
            : new TopicAddress(point.park(), point.enterprise(), null, PayloadKind.HJ212);
    }

    /** Queues the answer in arrival order; reading pauses while the queue is full. */
    private void await(ChannelHandlerContext ctx, CompletableFuture<SessionAnswer> answer) {
        answers.add(answer);
        if (answers.size() >= settings.maxInFlight() || closing != null) {
            ctx.channel().config().setAutoRead(false);
        }
        answer.whenComplete((done, error) -> ctx.executor().execute(() -> answer(ctx)));
    }

    /** Writes the answers that are ready, in order; resumes reading once there is room again. */
    private void answer(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!answers.isEmpty() && answers.peek().isDone()) {
            CompletableFuture<SessionAnswer> next = answers.poll();
            if (next.isCompletedExceptionally()) {
                // The gateway is stopping with this packet not in Kafka: no answer, so the logger sends it again.
                LOG.info("{}: closing, a packet could not be stored while the gateway stops", source);
                answers.clear();
                ctx.close();
                return;
            }
            SessionAnswer done = next.join();
            if (done.reply().isPresent()) {
                ctx.write(Unpooled.wrappedBuffer(done.reply().get()));
                wrote = true;
            }
        }
        if (wrote) {
            ctx.flush();
        }
        if (closing != null) {
            if (answers.isEmpty() && ctx.channel().isOpen()) {
                // Closed only once the last answer is written: the logger learns why.
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        } else if (answers.size() < settings.maxInFlight() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void close(ChannelHandlerContext ctx, Hj212TcpMetrics.Closed reason) {
        if (closing == null) {
            closing = reason;
            metrics.closed(reason);
        }
        ctx.channel().config().setAutoRead(false);
        answer(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && answers.isEmpty() && closing == null) {
            LOG.debug("{}: idle for {}; closing", source, settings.idleTimeout());
            metrics.closed(Hj212TcpMetrics.Closed.IDLE);
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("{}: {}", source, cause.toString());
        } else {
            LOG.warn("{}: closing after an unexpected error", source, cause);
        }
        ctx.close();
    }
}
