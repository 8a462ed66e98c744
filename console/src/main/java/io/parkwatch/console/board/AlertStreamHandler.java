package io.parkwatch.console.board;

import com.sun.net.httpserver.HttpExchange;
import io.parkwatch.console.access.Caller;
import io.parkwatch.console.access.Role;
import io.parkwatch.console.endpoint.ApiAccess;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.endpoint.StreamingBody;
import io.parkwatch.contracts.json.JsonSerde;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/alerts/stream}: server-sent events, {@code event: alert} with the listing's
 * JSON per change within the caller's scope, and a {@code : keep-alive} comment when idle. Each
 * client has a bounded buffer filled by the board's thread without waiting: a client that falls
 * behind is disconnected (it reconnects and lists again) instead of slowing the board.
 */
public final class AlertStreamHandler implements ApiAccess.CallerHandler {

    static final int BUFFER = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AlertStreamHandler.class);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AlertBoard board;
    private final Duration keepAlive;
    private final int maxClients;
    private final AtomicInteger clients = new AtomicInteger();

    public AlertStreamHandler(AlertBoard board, Duration keepAlive, int maxClients) {
        this.board = board;
        this.keepAlive = keepAlive;
        this.maxClients = maxClients;
    }

    @Override
    public void handle(HttpExchange exchange, Caller caller) throws IOException {
        if (clients.incrementAndGet() > maxClients) {
            clients.decrementAndGet();
            JsonResponses.error(exchange, 503, "too_many_streams", "at most " + maxClients + " live streams");
            return;
        }
        BlockingQueue<BoardAlert> buffer = new ArrayBlockingQueue<>(BUFFER);
        AtomicBoolean overflowed = new AtomicBoolean();
        try (AutoCloseable subscription = board.subscribe(alert -> {
            if (visible(caller, alert) && !buffer.offer(alert)) {
                overflowed.set(true);
            }
        }); OutputStream out = new StreamingBody(exchange, "text/event-stream; charset=utf-8")) {
            out.write(": connected\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pump(buffer, overflowed, out);
            if (overflowed.get()) {
                LOG.info("alert stream of {} disconnected: it fell {} events behind", caller.label(), BUFFER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("alert stream of {} ended: {}", caller.label(), e.toString());
        } catch (Exception e) {
            throw new IOException("alert stream failed", e);
        } finally {
            clients.decrementAndGet();
        }
    }

    private void pump(BlockingQueue<BoardAlert> buffer, AtomicBoolean overflowed, OutputStream out)
            throws IOException, InterruptedException {
        long step = Math.min(keepAlive.toMillis(), 1_000);
        long idleSince = System.nanoTime();
        while (!overflowed.get()) {
            BoardAlert alert = buffer.poll(step, TimeUnit.MILLISECONDS);
            if (alert != null) {
                out.write(event(alert));
                out.flush();
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince >= keepAlive.toNanos()) {
                out.write(KEEP_ALIVE);
                out.flush();
                idleSince = System.nanoTime();
            }
        }
    }

    static boolean visible(Caller caller, BoardAlert alert) {
        return caller.role() != Role.ENTERPRISE || caller.enterprise().orElseThrow().equals(alert.enterprise());
    }

    static byte[] event(BoardAlert alert) throws IOException {
        return ("event: alert\ndata: " + JsonSerde.MAPPER.writeValueAsString(alert) + "\n\n")
            .getBytes(StandardCharsets.UTF_8);
    }
}
