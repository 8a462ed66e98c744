package io.parkwatch.ingest.jt808.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.Outcome;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.SessionAnswer;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.jt808.Jt808FrameDecoder;
import io.parkwatch.ingest.jt808.Jt808Locations;
import io.parkwatch.ingest.jt808.Jt808Packet;
import io.parkwatch.ingest.jt808.Jt808Version;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal's connection: registration (0x0100 → 0x8100), authentication (0x0102 → 0x8001),
 * heartbeats (0x0002), deregistration (0x0003, then the connection is closed) and reports. Every
 * message but registration, authentication and deregistration needs an authenticated terminal:
 * before that it is refused with result 1, and after {@code maxRefusalsBeforeAuth} refusals the
 * connection is closed once the last answer is out. Reports (0x0200, 0x0704, and any other
 * message id, which the chain refuses into the rejected topic) go to the gateway's chain. What
 * the session refuses itself (a frame that does not check, the head of an overlong run, an
 * unknown terminal, a wrong code, a message before authentication) goes to the rejected topic through {@code SessionRefusals} with
 * its frame; an unauthenticated heartbeat alone is only counted, as it carries nothing. Either way
 * the terminal is answered only once Kafka holds the readings or the rejection. Runs on the
 * channel's event-loop thread.
 */
final class Jt808Session extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Jt808Session.class);
    private static final int TERMINAL_ANSWER = 0x0001;
    private static final int HEARTBEAT = 0x0002;
    private static final int DEREGISTRATION = 0x0003;
    private static final int REGISTRATION = 0x0100;
    private static final int AUTHENTICATION = 0x0102;
    /** The sender of a frame whose terminal is not known or cannot be trusted; its kind names the format. */
    private static final TopicAddress UNKNOWN_SENDER = new TopicAddress(null, null, null, PayloadKind.JT808);

    private final Terminals terminals;
    private ChannelHandlerContext ctx;
    private int platformSerial;
    private int refusals;
    /** Reports and refusals handed to Kafka and not yet answered. */
    private int inFlight;
    /** Too many refusals before authentication: nothing more is read, and it closes once all is answered. */
    private boolean closing;
    /** The terminal authenticated on this connection, and where its reports go; null before. */
    private String terminal;
    private TopicAddress address;
    /** Created with the first split message: most terminals never send one. */
    private SplitMessages parts;
    private boolean expiryArmed;

    Jt808Session(Terminals terminals) {
        this.terminals = terminals;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof Jt808FrameSplitter.Overlong overlong) {
            refuseOverlong(overlong);
            return;
        }
        byte[] frame = (byte[]) message;
        terminals.metrics().frame();
        if (closing) {
            LOG.debug("JT/T 808 connection {}: closing, a frame of {} bytes is not read", remote(), frame.length);
            return;
        }
        Jt808Packet packet;
        try {
            packet = Jt808FrameDecoder.packet(frame);
        } catch (RejectedInputException e) {
            refuseFrame(frame, e);
            return;
        }
        switch (packet.messageId()) {
            case REGISTRATION -> register(packet, frame);
            case AUTHENTICATION -> authenticate(packet, frame);
            case DEREGISTRATION -> deregister(packet);
            case TERMINAL_ANSWER -> LOG.debug("terminal {} answered serial {}", packet.terminalId(), packet.serial());
            default -> {
                if (terminal == null || !terminal.equals(packet.terminalId())) {
                    refuseUnauthenticated(packet, frame);
                } else if (packet.messageId() == HEARTBEAT) {
                    answer(packet, Jt808Answers.SUCCESS);
                } else {
                    report(packet, frame);
                }
            }
        }
    }

    /** A candidate whose header can still be read is answered "message error", so the terminal resends. */
    private void refuseFrame(byte[] frame, RejectedInputException e) {
        terminals.metrics().refused(Jt808ListenerMetrics.REFUSED_BAD_FRAME);
        Optional<Jt808Packet> header = Jt808FrameDecoder.unverifiedHeader(frame);
        LOG.debug("JT/T 808 connection {}: refused a frame of {} bytes: {} {}", remote(), frame.length, e.reason(),
            e.detail());
        // No identity can be trusted from a frame that does not check: refused with no sender.
        refuse(frame, null, e, header.<Supplier<byte[]>>map(packet ->
            () -> Jt808Answers.general(packet, nextSerial(), Jt808Answers.MESSAGE_ERROR)).orElse(null));
    }

    /** The splitter has stopped reading: the run's head goes to the rejected topic, then the connection closes. */
    private void refuseOverlong(Jt808FrameSplitter.Overlong overlong) {
        terminals.metrics().refused(Jt808ListenerMetrics.REFUSED_BAD_FRAME);
        closing = true;
        refuse(overlong.head(), null, new RejectedInputException(RejectReason.JT808_MALFORMED, overlong.length()
            + " bytes without a closing 0x7E flag exceed the longest frame the standard allows ("
            + Jt808FrameSplitter.MAX_FRAME_BYTES + " bytes); the first " + overlong.head().length
            + " are kept and the connection is closed"), null);
        closeWhenAnswered();
    }

    private void register(Jt808Packet packet, byte[] frame) {
        Optional<PointEntry> vehicle = terminals.directory().vehicleByTerminal(packet.terminalId());
        if (vehicle.isEmpty()) {
            LOG.info("JT/T 808 registration from terminal {} ({}): no vehicle of the registry has this terminal",
                packet.terminalId(), remote());
            refuseUnknown(packet, frame,
                () -> Jt808Answers.registration(packet, nextSerial(), Jt808Answers.NO_SUCH_TERMINAL, null));
            return;
        }
        write(Jt808Answers.registration(packet, nextSerial(), Jt808Answers.SUCCESS,
            terminals.codes().issue(packet.terminalId())));
    }

    private void authenticate(Jt808Packet packet, byte[] frame) {
        Optional<PointEntry> vehicle = terminals.directory().vehicleByTerminal(packet.terminalId());
        if (vehicle.isEmpty()) {
            refuseUnknown(packet, frame, failure(packet));
            return;
        }
        if (!terminals.codes().matches(packet.terminalId(), code(packet))) {
            terminals.metrics().refused(Jt808ListenerMetrics.REFUSED_WRONG_CODE);
            LOG.info("JT/T 808 terminal {} ({}) authenticated with a code this platform did not issue to it",
                packet.terminalId(), remote());
            refuse(frame, vehicleAddress(vehicle.get()), new RejectedInputException(RejectReason.JT808_BAD_AUTH_CODE,
                "terminal " + packet.terminalId() + " sent an authentication code this platform did not issue to it; "
                + "it must register (0x0100) again"), failure(packet));
            strike();
            return;
        }
        terminal = packet.terminalId();
        address = vehicleAddress(vehicle.get());
        refusals = 0;
        answer(packet, Jt808Answers.SUCCESS);
    }

    /** 2011/2013: the whole body is the code; 2019: its length BYTE, the code, then IMEI and software version. */
    private static byte[] code(Jt808Packet packet) {
        byte[] body = packet.body();
        if (packet.version() != Jt808Version.V2019) {
            return body;
        }
        if (body.length == 0 || body.length < 1 + (body[0] & 0xFF)) {
            return new byte[0];
        }
        return Arrays.copyOfRange(body, 1, 1 + (body[0] & 0xFF));
    }

    private void deregister(Jt808Packet packet) {
        terminals.metrics().closed(Jt808ListenerMetrics.CLOSE_DEREGISTERED);
        terminal = null;
        address = null;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(Jt808Answers.general(packet, nextSerial(), Jt808Answers.SUCCESS)))
            .addListener(done -> ctx.close());
    }

    private void refuseUnknown(Jt808Packet packet, byte[] frame, Supplier<byte[]> answer) {
        terminals.metrics().refused(Jt808ListenerMetrics.REFUSED_UNKNOWN_TERMINAL);
        refuse(frame, null, new RejectedInputException(RejectReason.JT808_UNKNOWN_TERMINAL, packet.messageIdHex()
            + " from terminal " + packet.terminalId() + ": no vehicle of the registry has this terminal"), answer);
        strike();
    }

    /**
     * A message before its terminal authenticated on this connection, or from another terminal
     * than the one that did: answered result 1. A heartbeat carries nothing to keep, so it is only
     * counted; anything else goes to the rejected topic, under the vehicle it claims when known.
     */
    private void refuseUnauthenticated(Jt808Packet packet, byte[] frame) {
        terminals.metrics().refused(Jt808ListenerMetrics.REFUSED_UNAUTHENTICATED);
        LOG.debug("JT/T 808 connection {}: {} from terminal {} before it authenticated; refused, not published",
            remote(), packet.messageIdHex(), packet.terminalId());
        if (packet.messageId() == HEARTBEAT) {
            answer(packet, Jt808Answers.FAILURE);
        } else {
            TopicAddress claimed = terminals.directory().vehicleByTerminal(packet.terminalId())
                .map(Jt808Session::vehicleAddress).orElse(null);
            refuse(frame, claimed, new RejectedInputException(RejectReason.JT808_NOT_AUTHENTICATED,
                packet.messageIdHex() + " from terminal " + packet.terminalId() + (terminal == null
                    ? " before it authenticated on this connection"
                    : " on a connection where terminal " + terminal + " authenticated")), failure(packet));
        }
        strike();
    }

    private void strike() {
        if (terminal == null && !closing && ++refusals >= terminals.settings().maxRefusalsBeforeAuth()) {
            terminals.metrics().closed(Jt808ListenerMetrics.CLOSE_REFUSALS);
            LOG.info("JT/T 808 connection {}: {} refusals before authentication; closing it once they are answered",
                remote(), refusals);
            closing = true;
            ctx.channel().config().setAutoRead(false);
            closeWhenAnswered();
        }
    }

    /**
     * Puts a refused frame in the rejected topic; {@code answer} (none when the frame cannot be
     * addressed) is written once it is there.
     */
    private void refuse(byte[] frame, TopicAddress claimed, RejectedInputException why, Supplier<byte[]> answer) {
        CompletableFuture<SessionAnswer> refused;
        try {
            refused = terminals.refusals().refuse(source(), claimed == null ? UNKNOWN_SENDER : claimed, frame, why);
        } catch (RuntimeException e) {
            refused = CompletableFuture.failedFuture(e);
        }
        await(refused, done -> {
            if (answer != null) {
                ctx.write(Unpooled.wrappedBuffer(answer.get()));
            }
        });
    }

    private Supplier<byte[]> failure(Jt808Packet packet) {
        return () -> Jt808Answers.general(packet, nextSerial(), Jt808Answers.FAILURE);
    }

    private static TopicAddress vehicleAddress(PointEntry vehicle) {
        return new TopicAddress(vehicle.park(), null, vehicle.id(), PayloadKind.JT808);
    }

    private String source() {
        return "tcp:jt808 from " + remote();
    }

    private Object remote() {
        return ctx.channel().remoteAddress();
    }

    private void report(Jt808Packet packet, byte[] frame) {
        if (!packet.split()) {
            submit(frame, List.of(packet));
            return;
        }
        if (parts == null) {
            parts = new SplitMessages(terminals.settings().maxPendingPartBytes(), terminals.settings().partsTimeout());
        }
        parts.add(packet, frame, terminals.clock().instant())
            .ifPresentOrElse(held -> submit(held.payload(), held.parts()), this::armExpiry);
    }

    private void armExpiry() {
        if (!expiryArmed) {
            expiryArmed = true;
            ctx.executor().schedule(this::expireParts, 1, TimeUnit.SECONDS);
        }
    }

    /** Parts whose message did not complete in time go to the chain as they are: it refuses them, recorded. */
    private void expireParts() {
        expiryArmed = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        parts.expire(terminals.clock().instant()).forEach(held -> submit(held.payload(), held.parts()));
        if (!parts.isEmpty()) {
            armExpiry();
        }
    }

    /**
     * Hands a message to the chain and answers each of its packets when the chain is done: result
     * 0 when published, 3 for a message parkwatch does not read, 2 for any other refusal.
     */
    private void submit(byte[] payload, List<Jt808Packet> packets) {
        Jt808Packet first = packets.get(0);
        boolean supported = first.encryption() == 0 && (first.messageId() == Jt808Locations.LOCATION_REPORT
            || first.messageId() == Jt808Locations.BATCH_LOCATION_UPLOAD);
        CompletableFuture<SessionAnswer> answer;
        try {
            answer = terminals.gateway().handle(address, payload);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        await(answer, done -> {
            int result = done.outcome() != Outcome.REJECTED ? Jt808Answers.SUCCESS
                : supported ? Jt808Answers.MESSAGE_ERROR : Jt808Answers.NOT_SUPPORTED;
            for (Jt808Packet packet : packets) {
                ctx.write(Unpooled.wrappedBuffer(Jt808Answers.general(packet, nextSerial(), result)));
            }
        });
    }

    /**
     * Waits, off the event loop, for Kafka to hold what was handed to it, then writes the answer on
     * the event loop. Reading pauses while {@code maxReportsInFlight} wait.
     */
    private void await(CompletableFuture<SessionAnswer> pending, Consumer<SessionAnswer> answer) {
        if (++inFlight >= terminals.settings().maxReportsInFlight()) {
            ctx.channel().config().setAutoRead(false);
        }
        pending.whenComplete((done, error) -> ctx.executor().execute(() -> settled(done, error, answer)));
    }

    private void settled(SessionAnswer done, Throwable error, Consumer<SessionAnswer> answer) {
        inFlight--;
        if (error != null) {
            // The chain gives up only when the gateway stops: no answer, so the terminal resends elsewhere.
            if (ctx.channel().isOpen()) {
                terminals.metrics().closed(Jt808ListenerMetrics.CLOSE_GATEWAY_STOPPING);
                LOG.warn("JT/T 808 terminal {} ({}): the gateway did not take a frame, closing the connection "
                    + "unanswered: {}", terminal, remote(), error.toString());
                ctx.close();
            }
            return;
        }
        answer.accept(done);
        ctx.flush();
        if (closing) {
            closeWhenAnswered();
        } else if (inFlight < terminals.settings().maxReportsInFlight() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Closed only once the last answer is written: the terminal learns why. */
    private void closeWhenAnswered() {
        if (inFlight == 0 && ctx.channel().isOpen()) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void answer(Jt808Packet packet, int result) {
        write(Jt808Answers.general(packet, nextSerial(), result));
    }

    private void write(byte[] frame) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(frame));
    }

    /** The platform's own serial numbers, per connection, wrapping at 65535. */
    private int nextSerial() {
        int serial = platformSerial;
        platformSerial = (platformSerial + 1) & 0xFFFF;
        return serial;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("JT/T 808 connection {}: {}", context.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("JT/T 808 connection {} failed; closing it", context.channel().remoteAddress(), cause);
        }
        context.close();
    }
}
