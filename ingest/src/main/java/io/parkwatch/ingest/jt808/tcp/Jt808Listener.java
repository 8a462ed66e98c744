package io.parkwatch.ingest.jt808.tcp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.format.SessionRefusals;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP port JT/T 808 terminals connect to: Netty's event loops (one acceptor thread, and as
 * many I/O threads as Netty's default, two per core) serve every connection; no connection has a
 * thread of its own. Each connection's pipeline: idle timer (three heartbeat intervals without a
 * byte) → frame splitter → session.
 */
public final class Jt808Listener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jt808Listener.class);

    private final EventLoopGroup acceptor = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final ChannelGroup connections = new DefaultChannelGroup("jt808", GlobalEventExecutor.INSTANCE);
    private final Channel server;

    private Jt808Listener(Terminals terminals, MeterRegistry meters) throws InterruptedException {
        Jt808TcpSettings settings = terminals.settings();
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptor, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    connections.add(channel);
                    channel.pipeline().addLast(pipeline(terminals));
                }
            });
        try {
            this.server = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdown();
            throw e;
        }
        Gauge.builder("parkwatch.ingest.jt808.connections", connections, ChannelGroup::size).register(meters);
        LOG.info("JT/T 808 terminals: listening on {}:{}", settings.host(), port());
    }

    /** A connection's handlers, first to last. */
    static ChannelHandler[] pipeline(Terminals terminals) {
        return new ChannelHandler[] {
            new SilenceTimeout(terminals.clock(), terminals.settings().idleTimeout(), terminals.metrics()),
            new Jt808FrameSplitter(terminals.metrics()), new Jt808Session(terminals)};
    }

    /**
     * Binds the port (failing at once when it is taken) and serves terminals until closed.
     *
     * @param refusals where the sessions send what they refuse themselves (the gateway's chain)
     */
    public static Jt808Listener start(Jt808TcpSettings settings, PointDirectory directory, SessionGateway gateway,
                                      SessionRefusals refusals, AuthenticationCodes codes, MeterRegistry meters,
                                      Clock clock) throws InterruptedException {
        return new Jt808Listener(new Terminals(directory, gateway, refusals, codes, settings,
            new Jt808ListenerMetrics(meters), clock), meters);
    }

    /** The bound port: the one asked for, or the one chosen for port 0. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Terminal connections open now. */
    public int connections() {
        return connections.size();
    }

    /** Stops accepting, closes every connection (unanswered reports are resent by their terminals), stops the loops. */
    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutdown();
    }

    private void shutdown() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
