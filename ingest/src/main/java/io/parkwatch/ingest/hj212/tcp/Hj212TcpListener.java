package io.parkwatch.ingest.hj212.tcp;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.parkwatch.ingest.directory.PointDirectory;
import io.parkwatch.ingest.format.SessionGateway;
import io.parkwatch.ingest.format.SessionRefusals;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * HJ 212 data loggers over TCP, as the standard has them connect: a logger opens a connection to
 * the platform and sends packets on it for hours. One event loop group serves every connection
 * (no thread per connection); each connection gets a {@link Hj212Framer} and an {@link Hj212Session}.
 * A bad connection (garbage, a wrong password, an absurd length) is closed on its own: the others
 * share nothing with it but the event loop, where no handler blocks.
 */
public final class Hj212TcpListener implements AutoCloseable {

    /** Event loop threads: the handlers only frame, parse and queue; Kafka sends are asynchronous. */
    private static final int THREADS = 2;

    private final EventLoopGroup group;
    private final ChannelGroup connections;
    private final Channel server;
    private final Hj212TcpMetrics metrics;

    private Hj212TcpListener(EventLoopGroup group, ChannelGroup connections, Channel server, Hj212TcpMetrics metrics) {
        this.group = group;
        this.connections = connections;
        this.server = server;
        this.metrics = metrics;
    }

    /**
     * Listens on the settings' host and port.
     *
     * @throws BindException when the address cannot be bound (the port is in use, the host is not local)
     */
    public static Hj212TcpListener start(Hj212TcpSettings settings, Hj212Passwords passwords, PointDirectory directory,
                                         SessionGateway gateway, SessionRefusals refusals, MeterRegistry meters)
            throws IOException {
        EventLoopGroup group = new NioEventLoopGroup(THREADS, new DefaultThreadFactory("hj212-tcp", true));
        ChannelGroup connections = new DefaultChannelGroup("hj212-tcp", GlobalEventExecutor.INSTANCE);
        Hj212TcpMetrics metrics = new Hj212TcpMetrics(meters);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    connections.add(channel);
                    channel.pipeline().addLast(
                        new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                        new Hj212Framer(settings.maxSkippedBytes()),
                        new Hj212Session(settings, passwords, directory, gateway, refusals, metrics));
                }
            });
        ChannelFuture bound = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            Throwable cause = bound.cause();
            if (cause instanceof BindException bind) {
                throw bind;
            }
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + cause, cause);
        }
        return new Hj212TcpListener(group, connections, bound.channel(), metrics);
    }

    /** The port listened on (the chosen one when the settings said 0). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Connections open now. */
    public int connections() {
        return metrics.open();
    }

    /** Stops accepting, then closes every connection: unanswered packets are sent again by their loggers. */
    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
