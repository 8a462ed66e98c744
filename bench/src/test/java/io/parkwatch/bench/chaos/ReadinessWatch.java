package io.parkwatch.bench.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls {@code /health/ready} of some services while a dependency is down and after it returned:
 * whether each answered 503, and whether it answered 200 again afterwards.
 */
final class ReadinessWatch implements AutoCloseable {

    /**
     * What one service's probe did during the step.
     *
     * @param unanswered it once gave no answer within {@value #PROBE_SECONDS} s (a refused connection
     *                   does not count: that is a process being restarted)
     */
    record Seen(boolean down, boolean upAgain, boolean unanswered) {
    }

    /** Longer than any check's own timeout, so that a slow probe is told apart from one that hangs. */
    private static final int PROBE_SECONDS = 10;
    private static final int TIMED_OUT = -2;

    private static final Duration EVERY = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<ServiceProcess> services;
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final Map<String, Boolean> upAgain = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unanswered = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> pollers = new ArrayList<>();

    /** One poller per service: a probe may take seconds (its checks ask servers), and must not delay another's. */
    ReadinessWatch(List<ServiceProcess> services) {
        this.services = List.copyOf(services);
        for (ServiceProcess service : this.services) {
            Thread poller = new Thread(() -> poll(service), "chaos-readiness-" + service.name());
            poller.setDaemon(true);
            poller.start();
            pollers.add(poller);
        }
    }

    private void poll(ServiceProcess service) {
        while (running.get()) {
            int status = status(service.readyUrl());
            if (status == TIMED_OUT) {
                unanswered.put(service.name(), true);
            } else if (status == 503) {
                down.put(service.name(), true);
                upAgain.remove(service.name());
            } else if (status == 200 && down.containsKey(service.name())) {
                upAgain.put(service.name(), true);
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(PROBE_SECONDS)).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.http.HttpTimeoutException e) {
            return TIMED_OUT;
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until every service that went down is up again, at most {@code patience}. */
    void awaitRecovered(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !down.keySet().stream().allMatch(upAgain::containsKey)) {
            Thread.sleep(EVERY.toMillis());
        }
    }

    Map<String, Seen> seen() {
        Map<String, Seen> result = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            String name = service.name();
            result.put(name, new Seen(down.containsKey(name), upAgain.containsKey(name), unanswered.containsKey(name)));
        }
        return result;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread poller : pollers) {
            poller.interrupt();
        }
        for (Thread poller : pollers) {
            poller.join(5_000);
        }
    }
}
